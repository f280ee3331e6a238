// UI text of the documents screens and parts, English and Spanish (en.ts and es.ts take them under "documents").
export const documentsEn = {
  printReceipt: 'Print receipt',
  printReceiptOf: 'Print receipt {{receipt}}',
  preparing: 'Preparing…',
  ready: '{{file}} is ready.',
  open: 'Open to print',
  download: 'Download {{file}}',
  downloadShort: 'Download',
  keptAt: 'A copy is kept on this desk: {{path}}',
  popupBlocked: 'The browser did not open a new window: use "Open to print" or download the file.',
};

export const documentsEs: typeof documentsEn = {
  printReceipt: 'Imprimir recibo',
  printReceiptOf: 'Imprimir recibo {{receipt}}',
  preparing: 'Preparando…',
  ready: '{{file}} está listo.',
  open: 'Abrir para imprimir',
  download: 'Descargar {{file}}',
  downloadShort: 'Descargar',
  keptAt: 'Se guarda una copia en esta estación: {{path}}',
  popupBlocked: 'El navegador no abrió una ventana nueva: use «Abrir para imprimir» o descargue el archivo.',
};
