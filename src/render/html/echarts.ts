// The parts of Apache ECharts the reports draw with, and no others: the bar, line and pie
// charts, the grid (axes), legend, mark lines and mark points, the grid's room for its
// axis labels as ECharts 5 made it (`containLabel`, a feature of its own since ECharts 6),
// the label layout (a pie's labels kept apart) and the SVG renderer.
// The build bundles this module into dist/echarts.cjs (scripts/build.mjs), so that an
// installed im-bill needs no ECharts package: the whole of it is 62 MB of node_modules,
// these parts 0.6 MB. A chart option naming a component not listed here draws nothing
// for it: the golden pages (test/golden/reports/*.html) hold every chart as the whole of
// ECharts draws it.
import { init, use } from "echarts/core";
import { BarChart, LineChart, PieChart } from "echarts/charts";
import { GridComponent, LegendComponent, MarkLineComponent, MarkPointComponent } from "echarts/components";
import { LabelLayout, LegacyGridContainLabel } from "echarts/features";
import { SVGRenderer } from "echarts/renderers";

// In the order ECharts' own full build registers them: the order decides which is drawn over which.
use([
  SVGRenderer,
  LineChart,
  BarChart,
  PieChart,
  GridComponent,
  MarkPointComponent,
  MarkLineComponent,
  LegendComponent,
  LabelLayout,
  LegacyGridContainLabel,
]);

export { init };
