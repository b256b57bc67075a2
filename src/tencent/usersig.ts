// The administrator's UserSig, signed here with the app's secret key by Tencent's own
// generator (tls-sig-api-v2), loaded only on the path that calls the REST API. Short-lived:
// a pull needs it for seconds, and a leaked one is soon worthless.

/** How long a UserSig signed for one pull is valid, in seconds. */
export const USERSIG_SECONDS = 300;

export async function adminUserSig(sdkappid: number, secretKey: string, admin: string): Promise<string> {
  const { Api } = await import("tls-sig-api-v2");
  return new Api(sdkappid, secretKey).genUserSig(admin, USERSIG_SECONDS);
}
