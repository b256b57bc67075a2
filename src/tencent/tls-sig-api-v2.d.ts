// Tencent's UserSig generator (npm tls-sig-api-v2) ships no types: what im-bill uses of it.
declare module "tls-sig-api-v2" {
  export class Api {
    constructor(sdkappid: number, key: string);
    /** a UserSig for `userid`, valid `expire` seconds from now */
    genUserSig(userid: string, expire: number): string;
  }
}
