// Where an app's REST API answers: one domain per data-center region. From Tencent's
// REST API overview (tencentcloud.com/document/product/1047/34620; the intl docs
// repository's "REST API 简介" adds Mumbai) and the getappinfo page (1047/34886, which
// adds Jakarta); Tokyo is in the REST overview of 2025. Anything else: --base-url.
import type { DataCenter } from "../vocabulary.js";

export const REGIONS = {
  china: "https://console.tim.qq.com",
  singapore: "https://adminapisgp.im.qcloud.com",
  seoul: "https://adminapikr.im.qcloud.com",
  tokyo: "https://adminapijpn.im.qcloud.com",
  frankfurt: "https://adminapiger.im.qcloud.com",
  mumbai: "https://adminapiind.im.qcloud.com",
  "silicon-valley": "https://adminapiusa.im.qcloud.com",
  jakarta: "https://adminapiidn.im.qcloud.com",
} as const;

export type Region = keyof typeof REGIONS;
export const regionNames = Object.keys(REGIONS) as Region[];

/** Where a region's apps keep their data, as the mainland site's lists tell them apart: every region but china is abroad (境外). */
export const dataCenterOfRegion = (region: Region): DataCenter => (region === "china" ? "mainland" : "overseas");
