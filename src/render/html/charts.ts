// Charts as inline SVG, drawn when the report is written by Apache ECharts' server-side
// renderer (no DOM, no script in the page). Loaded only on the HTML path. Text in a
// chart is escaped by ECharts; its colours follow the page's (light or dark) by CSS.
import { createHash } from "node:crypto";
import type { EChartsOption } from "echarts";
import { init } from "./echarts.js";
import { printable } from "../../util/printable.js";
import { FONT_STACK } from "./page.js";

const PALETTE = ["#3b6fd8", "#e0892b", "#3a9b6a", "#9b59b6", "#c0392b", "#16a2b8", "#7f8c8d"];

/** The width a phone's chart is drawn at: shown 1:1 on a 390 px screen, its text as large as the page's. */
export const NARROW_WIDTH = 360;

/**
 * An ECharts option drawn twice, as SVG, without animation: at the size given for a
 * desktop or paper, and at a phone's width (the style sheet shows the one that fits), so
 * that a chart's labels are never shrunk below what a phone reader can read. An option
 * that depends on the width (a label's room) is a function of whether it is the phone's.
 */
export function chartSvg(
  option: EChartsOption | ((narrow: boolean) => EChartsOption),
  width = 640,
  height = 320,
): string {
  const of = (narrow: boolean) => (typeof option === "function" ? option(narrow) : option);
  const wide = drawn(of(false), width, height);
  const narrow = drawn(hidingOverlaps(of(true)), NARROW_WIDTH, Math.max(200, Math.round(height * 0.9)));
  return `<div class="wide">${wide}</div><div class="narrow">${narrow}</div>`;
}

/** On a phone's chart, an axis label that would overlap its neighbour is left out (ECharts' hideOverlap). */
function hidingOverlaps(option: EChartsOption): EChartsOption {
  const hide = (axis: unknown) => {
    if (typeof axis !== "object" || axis === null) return axis;
    const { axisLabel } = axis as { axisLabel?: object };
    return { ...axis, axisLabel: { ...axisLabel, hideOverlap: true } };
  };
  const each = (axes: unknown) => (Array.isArray(axes) ? axes.map(hide) : hide(axes));
  return { ...option, xAxis: each(option.xAxis), yAxis: each(option.yAxis) } as EChartsOption;
}

function drawn(option: EChartsOption, width: number, height: number): string {
  const chart = init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      color: PALETTE,
      textStyle: { fontFamily: FONT_STACK },
      ...option,
    });
    // Names in a chart (editions, scenarios) shown as the tables show them: hidden characters escaped.
    return sameWhoeverDrawsIt(printable(chart.renderToSVGString()));
  } finally {
    chart.dispose();
  }
}

export { PALETTE };

/**
 * ECharts names a chart's CSS classes and clip paths by how many charts the process drew before
 * (`zr0-cls-1`, then `zr1-…`): a page drawn again, or after another, would differ. The
 * classes are named by the chart's content instead: the same chart, the same page,
 * and two charts of a page apart (their styles share the document).
 */
function sameWhoeverDrawsIt(svg: string): string {
  // Each class and id (a clip path's) numbered in the order it first appears, then all named by the chart.
  const numbers = new Map<string, number>();
  const anonymous = svg.replace(/\bzr\d+-(?:cls-|c)\d+\b/g, (name) => {
    if (!numbers.has(name)) numbers.set(name, numbers.size);
    return `zr-cls-${numbers.get(name)!}`;
  });
  const name = `c${createHash("sha256").update(anonymous).digest("hex").slice(0, 10)}`;
  return anonymous.replaceAll("zr-cls-", `${name}-`);
}

/** Horizontal bars, one a row with its label at the left (cut to 190 px), drawn top to bottom. */
export function horizontalBars(
  labels: readonly string[],
  bars: readonly { value: number; color?: string }[],
  options: { right?: number; valueLabel?: (index: number) => string } = {},
): string {
  const { right = 48, valueLabel } = options;
  return chartSvg(
    (narrow) => ({
      grid: { left: narrow ? 8 : 24, right, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: "value", ...(narrow ? { splitNumber: 3 } : {}) },
      yAxis: {
        type: "category",
        inverse: true,
        data: [...labels],
        axisLabel: { width: narrow ? 110 : 190, overflow: "truncate" },
      },
      series: [
        {
          type: "bar",
          data: bars.map((bar) => ({ value: bar.value, ...(bar.color ? { itemStyle: { color: bar.color } } : {}) })),
          ...(valueLabel
            ? {
                label: {
                  show: true,
                  position: "right" as const,
                  formatter: (params: { dataIndex: number }) => valueLabel(params.dataIndex),
                },
              }
            : {}),
        },
      ],
    }),
    640,
    Math.max(160, 40 + labels.length * 30),
  );
}
