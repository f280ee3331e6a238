// Chart colours from the Okabe–Ito palette, chosen to stay apart for the common kinds of colour
// blindness (and in grey); every chart also has its figures in a table and a sentence, so colour
// never carries a number alone.
import type { PaymentMethod } from '../../../src-main/common/model.ts';

export const methodColour: Record<PaymentMethod, string> = {
  cash: '#0072B2', // blue
  check: '#E69F00', // orange
  card: '#009E73', // bluish green
  other: '#CC79A7', // reddish purple
};

export const onTimeColour = '#0072B2'; // blue
export const lateColour = '#D55E00'; // vermillion
export const receivedColour = '#56B4E9'; // sky blue
export const issuedColour = '#009E73'; // bluish green
export const backlogColour = '#0072B2';
