// The licence certificate (PDF), English or Spanish: the city, the licence and its business, the
// dates it runs, the certificate number, and the verification code with how to check it. A
// temporary certificate (a licence issued on this desk still waiting for its city number) says so
// in a banner and a watermark, prints the provisional P- number and the day it stops being good.
import type { PrintedDocument } from '../../common/ops/document-ops.ts';
import type { CertificateRecord } from '../../common/ops/status-ops.ts';
import { shown } from '../certificates/certificates.ts';
import type { Desk } from '../desk/open-desk.ts';
import { formatDate, formatDateTime } from './doc-format.ts';
import { type DocLanguage, docText } from './doc-text.ts';
import { documentContext } from './document-context.ts';
import { colors, DocumentLayout } from './pdf-layout.ts';
import { saveDocument } from './save-document.ts';

const text = docText({
  en: {
    title: 'Business Licence Certificate',
    subtitle: 'Certificate {no}',
    certifies:
      'This certifies that the business named below holds a business licence of {city}, in force on the date this certificate was issued.',
    licenceNo: 'Licence number',
    business: 'Business name',
    dba: 'Doing business as',
    address: 'Address',
    type: 'Licence type',
    issuedOn: 'Licence issued',
    expiresOn: 'Valid until',
    noExpiry: 'No expiry date',
    certificateNo: 'Certificate number',
    certificateIssued: 'Certificate issued',
    verification: 'Verification code',
    howToVerify: 'How to verify this certificate',
    howToVerifyText:
      'Ask the {city} licensing counter to check the verification code above (desk {desk}, "Verify a certificate"). They will tell you whether the licence is still in force with these facts, or whether it has since been renewed, changed, suspended, revoked, closed or has expired. Letters and digits may be typed in any case; O and 0, I and 1 are read alike.',
    display: 'Display this certificate where customers can see it. It does not replace the licence record.',
    temporaryTitle: 'Temporary Business Licence Certificate',
    temporaryBanner: 'TEMPORARY / PROVISIONAL CERTIFICATE',
    temporaryDetail:
      'Licence {no} was issued at this counter and is waiting for its city licence number. This certificate is good until {until}, or until the permanent certificate is printed under the city number, whichever comes first.',
    temporaryWatermark: 'TEMPORARY',
    provisionalNo: '{no} (provisional)',
    temporaryValidUntil: 'Temporary certificate valid until',
  },
  es: {
    title: 'Certificado de licencia comercial',
    subtitle: 'Certificado {no}',
    certifies:
      'Se certifica que el negocio indicado abajo tiene una licencia comercial de {city}, vigente en la fecha en que se emitió este certificado.',
    licenceNo: 'Número de licencia',
    business: 'Nombre del negocio',
    dba: 'Nombre comercial',
    address: 'Dirección',
    type: 'Tipo de licencia',
    issuedOn: 'Licencia emitida',
    expiresOn: 'Válida hasta',
    noExpiry: 'Sin fecha de vencimiento',
    certificateNo: 'Número de certificado',
    certificateIssued: 'Certificado emitido',
    verification: 'Código de verificación',
    howToVerify: 'Cómo verificar este certificado',
    howToVerifyText:
      'Pida en la ventanilla de licencias de {city} que comprueben el código de verificación de arriba (puesto {desk}, «Verificar un certificado»). Le dirán si la licencia sigue vigente con estos datos, o si desde entonces se renovó, cambió, suspendió, revocó, cerró o venció. Las letras pueden escribirse en mayúsculas o minúsculas; la O y el 0, la I y el 1 se leen igual.',
    display: 'Exhiba este certificado a la vista del público. No sustituye al registro de la licencia.',
    temporaryTitle: 'Certificado temporal de licencia comercial',
    temporaryBanner: 'CERTIFICADO TEMPORAL / PROVISIONAL',
    temporaryDetail:
      'La licencia {no} se emitió en esta ventanilla y espera su número de licencia de la ciudad. Este certificado es válido hasta el {until}, o hasta que se imprima el certificado definitivo con el número de la ciudad, lo que ocurra primero.',
    temporaryWatermark: 'TEMPORAL',
    provisionalNo: '{no} (provisional)',
    temporaryValidUntil: 'Certificado temporal válido hasta',
  },
});

export async function renderCertificate(
  certificate: CertificateRecord,
  setup: { city: string; desk: string; generatedAt: string },
): Promise<Uint8Array> {
  const language: DocLanguage = certificate.language;
  const t = text(language);
  const f = certificate.facts;
  const temporary = certificate.kind === 'temporary';
  const licenceNo = temporary ? t('provisionalNo', { no: shown(f.licenceId) }) : f.licenceId;
  const until = formatDate(certificate.validUntil, language);
  const doc = await DocumentLayout.create({
    city: setup.city,
    title: temporary ? t('temporaryTitle') : t('title'),
    subtitle: t('subtitle', { no: certificate.certificateNo }),
    desk: setup.desk,
    language,
    generatedAt: setup.generatedAt,
    subject: `${temporary ? t('temporaryTitle') : t('title')} ${shown(f.licenceId)}`,
    keywords: [shown(f.licenceId), certificate.certificateNo, certificate.verificationCode],
  });
  if (temporary) {
    doc.watermark(t('temporaryWatermark'), colors.warning);
    doc.banner(t('temporaryBanner'), colors.warning, t('temporaryDetail', { no: shown(f.licenceId), until }));
  }
  doc.paragraph(t('certifies', { city: setup.city }), { size: 11 });
  doc.space(6);
  doc.keyValues(
    [
      [t('licenceNo'), licenceNo],
      [t('business'), f.businessName],
      [t('dba'), f.dbaName],
      [t('address'), f.address],
      [t('type'), f.licenceTypeName ?? f.licenceTypeCode],
      [t('issuedOn'), formatDate(f.issuedOn, language)],
      [t('expiresOn'), f.expiresOn ? formatDate(f.expiresOn, language) : t('noExpiry')],
    ],
    { size: 12, labelWidth: 170 },
  );
  doc.space(4);
  doc.keyValues(
    [
      [t('certificateNo'), certificate.certificateNo],
      [t('certificateIssued'), formatDateTime(certificate.issuedAt, language)],
      [t('temporaryValidUntil'), temporary ? until : null],
    ],
    { labelWidth: 170 },
  );
  doc.banner(`${t('verification')}: ${certificate.verificationCode}`, colors.band);
  doc.heading(t('howToVerify'));
  doc.paragraph(t('howToVerifyText', { city: setup.city, desk: certificate.deskId }));
  doc.space(8);
  doc.paragraph(t('display'), { size: 9, color: colors.muted });
  return doc.save();
}

/** Prints a recorded certificate and keeps the PDF under <data dir>/documents/certificates/. */
export async function printCertificate(desk: Desk, certificate: CertificateRecord): Promise<PrintedDocument> {
  const context = documentContext(desk);
  const bytes = await renderCertificate(certificate, {
    city: context.city,
    desk: context.desk,
    generatedAt: context.printedAt,
  });
  return saveDocument(desk.paths.dataDir, {
    kind: 'certificates',
    fileName: `certificate-${certificate.certificateNo}-${shown(certificate.facts.licenceId)}.pdf`,
    mimeType: 'application/pdf',
    bytes,
  });
}
