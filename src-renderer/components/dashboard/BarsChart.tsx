// A bar chart (Recharts) of one or more series, stacked or side by side. The drawing is a picture
// for sighted people (role="img" with a sentence saying what it shows); the numbers themselves are
// always in a table beside it, which is what screen readers and keyboards use.
import { makeStyles, tokens } from '@fluentui/react-components';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface ChartSeries {
  key: string;
  label: string;
  colour: string;
}

const useStyles = makeStyles({
  figure: { margin: 0, width: '100%', height: '260px', minWidth: 0 },
  legend: { color: tokens.colorNeutralForeground1 },
});

interface Props<T> {
  data: T[];
  xKey: string;
  series: ChartSeries[];
  stacked?: boolean;
  /** What the picture shows, for screen readers (the table carries the numbers). */
  label: string;
  formatX?: (value: string) => string;
  formatValue?: (value: number) => string;
}

export function BarsChart<T extends object>({
  data,
  xKey,
  series,
  stacked,
  label,
  formatX,
  formatValue,
}: Props<T>) {
  const styles = useStyles();
  return (
    <div className={styles.figure} role="img" aria-label={label} data-chart={xKey}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke={tokens.colorNeutralStroke2} vertical={false} />
          <XAxis
            dataKey={xKey as string}
            tickFormatter={formatX}
            tick={{ fill: tokens.colorNeutralForeground2, fontSize: 12 }}
            minTickGap={12}
          />
          <YAxis
            tickFormatter={formatValue}
            tick={{ fill: tokens.colorNeutralForeground2, fontSize: 12 }}
            width={formatValue ? 80 : 40}
            allowDecimals={false}
          />
          <Tooltip
            labelFormatter={(v) => (formatX ? formatX(String(v)) : String(v))}
            formatter={(v) => (formatValue ? formatValue(Number(v)) : String(v))}
            isAnimationActive={false}
          />
          {/* Legend text in the page's colour: the swatch carries the series colour, the words stay readable. */}
          <Legend
            itemSorter={null}
            formatter={(value: string) => <span className={styles.legend}>{value}</span>}
          />
          {series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              fill={s.colour}
              stroke="#ffffff"
              strokeWidth={stacked ? 1 : 0}
              {...(stacked ? { stackId: 'one' } : {})}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
