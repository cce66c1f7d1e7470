// The printable table cards: the print button prints the page (no inline script).
import { enablePrintButtons } from '../shared/dom.js';

enablePrintButtons();
