import { BarChart, LineChart, PieChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

export const FONT_FAMILY = '"Noto Sans SC", sans-serif';

/**
 * An ECharts chart on a canvas. The canvas draws text with the bundled font only once it is loaded
 * (a canvas does not wait for web fonts), so the chart waits for the glyphs its labels need.
 */
export function Chart({
  option,
  label,
  name,
  height = 300,
}: {
  option: ChartOption;
  /** What the chart shows, for readers who cannot see it. */
  label: string;
  /** A stable name for tests (`data-chart`). */
  name: string;
  height?: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let chart: echarts.ECharts | undefined;
    let observer: ResizeObserver | undefined;
    let cancelled = false;
    const text = JSON.stringify(option);
    void document.fonts
      .load(`12px ${FONT_FAMILY}`, text)
      .catch(() => undefined)
      .then(() => {
        if (cancelled) return;
        chart = echarts.init(element, undefined, { renderer: 'canvas', locale: 'ZH' });
        chart.setOption({
          textStyle: { fontFamily: FONT_FAMILY },
          aria: { enabled: true },
          animation: false,
          ...option,
        });
        element.dataset.drawn = 'true';
        observer = new ResizeObserver(() => chart?.resize());
        observer.observe(element);
      });
    return () => {
      cancelled = true;
      observer?.disconnect();
      chart?.dispose();
      delete element.dataset.drawn;
    };
  }, [option]);
  return (
    <figure className="chart">
      <figcaption>{label}</figcaption>
      <div ref={ref} data-chart={name} role="img" aria-label={label} style={{ height }} />
    </figure>
  );
}
