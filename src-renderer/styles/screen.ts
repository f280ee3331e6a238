// Styles every screen shares, so the licence, conflicts and search screens line up the same way.
import { tokens } from '@fluentui/react-components';

/** A screen's column: its sections one under another, at a readable width. */
export const screenRoot = {
  display: 'flex',
  flexDirection: 'column',
  rowGap: tokens.spacingVerticalL,
  padding: tokens.spacingHorizontalXL,
  maxWidth: '90rem',
  boxSizing: 'border-box',
} as const;

/** A screen's title. Focus lands on it programmatically (for screen readers); it is not a control, so no ring. */
export const screenHeading = {
  margin: 0,
  fontSize: tokens.fontSizeBase600,
  lineHeight: tokens.lineHeightBase600,
  fontWeight: tokens.fontWeightSemibold,
  outlineStyle: 'none',
} as const;

/** A screen's filters: a fieldset of fields side by side (wrapping), with no frame of its own. */
export const filterRow = {
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'flex-end',
  columnGap: tokens.spacingHorizontalL,
  rowGap: tokens.spacingVerticalS,
  border: 'none',
  margin: 0,
  padding: 0,
} as const;

/** The legend that names a screen's filters. */
export const filterLegend = {
  fontWeight: tokens.fontWeightSemibold,
  marginBottom: tokens.spacingVerticalXS,
} as const;
