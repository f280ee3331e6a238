// The errors about the desk itself: its connection, its settings files and the legacy link. Most
// are met by IT at a terminal; a detail from the system (a file's own complaint) stays as given.
import { message } from './message-entry.ts';

export const deskErrors = {
  'desk.not_connected': message(
    [],
    () =>
      'This desk is not connected to a legacy database yet. Run "workbench demo create" for the demo city, or "workbench connect" with your bridge and connection.',
    () =>
      'Este puesto aún no está conectado a una base de datos heredada. Ejecute «workbench demo create» para la ciudad de demostración, o «workbench connect» con su puente y su conexión.',
  ),
  'fees.rules_unusable': message(
    ['detail'],
    (p) =>
      `The city's fee rules file cannot be used, so no fee can be computed: ${p.detail} IT must fix the file. Nothing was recorded.`,
    (p) =>
      `No se puede usar el archivo de tarifas de la ciudad, así que no se puede calcular ninguna tarifa: ${p.detail} Informática debe corregir el archivo. No se registró nada.`,
  ),
  'requirements.unusable': message(
    ['detail'],
    (p) =>
      `${p.detail}\nIT must fix the city's requirements file before new applications or renewals can be taken.`,
    (p) =>
      `${p.detail}\nInformática debe corregir el archivo de requisitos de la ciudad antes de que se puedan recibir solicitudes nuevas o renovaciones.`,
  ),
  'bridge.file_missing': message(
    ['file'],
    (p) => `There is no bridge file at ${p.file}.`,
    (p) => `No hay ningún archivo de puente en ${p.file}.`,
  ),
};
