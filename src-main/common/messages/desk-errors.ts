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
  'bridge.no_template': message(
    ['bridge'],
    (p) => `Bridge "${p.bridge}" has no connection template: give --connection.`,
    (p) => `El puente «${p.bridge}» no tiene plantilla de conexión: indique --connection.`,
  ),
  'bridge.set_syntax': message(
    ['pair'],
    (p) => `--set takes NAME=VALUE, not "${p.pair}".`,
    (p) => `--set recibe NOMBRE=VALOR, no «${p.pair}».`,
  ),
  'bridge.template_refused': message(
    ['bridge', 'detail'],
    (p) => `Bridge "${p.bridge}": ${p.detail}.`,
    (p) => `Puente «${p.bridge}»: ${p.detail}.`,
  ),
  'bridge.check_no_connection': message(
    ['dataDir'],
    (p) =>
      `This desk (${p.dataDir}) has no legacy connection; give one with --connection "<ODBC connection string>".`,
    (p) =>
      `Este puesto (${p.dataDir}) no tiene conexión heredada; indique una con --connection "<cadena de conexión ODBC>".`,
  ),
  'bridge.journal_other_bridge': message(
    ['bridge', 'asked'],
    (p) =>
      `This desk uses bridge "${p.bridge}", not "${p.asked}". Run the command on a desk connected to ${p.asked}.`,
    (p) =>
      `Este puesto usa el puente «${p.bridge}», no «${p.asked}». Ejecute el comando en un puesto conectado a ${p.asked}.`,
  ),
  'outbox.forget_reason_required': message(
    [],
    () => 'Say why the missing changes may be given up (--reason).',
    () => 'Indique por qué se pueden dar por perdidos los cambios que faltan (--reason).',
  ),
  'outbox.nothing_missing': message(
    [],
    () =>
      "Nothing is missing: this desk's cache holds every change its outbox mark knows of. Nothing was changed.",
    () =>
      'No falta nada: la caché de este puesto tiene todos los cambios que conoce su marca de salida. No se cambió nada.',
  ),
  'credentials.empty': message(
    [],
    () => 'The password is empty; nothing was stored.',
    () => 'La contraseña está vacía; no se guardó nada.',
  ),
  'credentials.bad_characters': message(
    [],
    () => 'The password has a line break or a NUL character in it; nothing was stored. Give it on one line.',
    () =>
      'La contraseña tiene un salto de línea o un carácter NUL; no se guardó nada. Escríbala en una sola línea.',
  ),
  'credentials.no_user': message(
    [],
    () =>
      "The desk's connection string names no user (Uid or User): say which account the password is for with --account.",
    () =>
      'La cadena de conexión del puesto no indica usuario (Uid o User): diga con --account de qué cuenta es la contraseña.',
  ),
  'credentials.none_stored': message(
    ['bridge', 'account'],
    (p) =>
      `No password is stored in the OS keychain for bridge "${p.bridge}" (account "${p.account}"). Run "workbench credentials set ${p.bridge}" to store it (if the keychain is locked, unlock it first).`,
    (p) =>
      `No hay contraseña guardada en el llavero del sistema para el puente «${p.bridge}» (cuenta «${p.account}»). Ejecute «workbench credentials set ${p.bridge}» para guardarla (si el llavero está bloqueado, desbloquéelo primero).`,
  ),
  'credentials.desk_not_connected': message(
    [],
    () =>
      'This desk is not connected to a legacy database yet. Run "workbench connect" with your bridge and connection (or "workbench demo create"), then store the password.',
    () =>
      'Este puesto aún no está conectado a una base de datos heredada. Ejecute «workbench connect» con su puente y su conexión (o «workbench demo create»), y luego guarde la contraseña.',
  ),
  'credentials.other_bridge': message(
    ['bridge', 'asked'],
    (p) =>
      `This desk uses bridge "${p.bridge}", not "${p.asked}". Run "workbench credentials ... ${p.bridge}", or "workbench connect" first to change the bridge.`,
    (p) =>
      `Este puesto usa el puente «${p.bridge}», no «${p.asked}». Ejecute «workbench credentials ... ${p.bridge}», o primero «workbench connect» para cambiar de puente.`,
  ),
  'credentials.no_account': message(
    [],
    () =>
      'This desk refers to no stored password and its connection names no user: say which account with --account.',
    () =>
      'Este puesto no remite a ninguna contraseña guardada y su conexión no indica usuario: diga qué cuenta con --account.',
  ),
  'credentials.no_terminal': message(
    [],
    () => 'There is no terminal to type the password in. Give it on standard input with --stdin instead.',
    () => 'No hay terminal donde escribir la contraseña. Désela por la entrada estándar con --stdin.',
  ),
  'credentials.entries_differ': message(
    [],
    () => 'The two entries differ; nothing was stored.',
    () => 'Las dos entradas no coinciden; no se guardó nada.',
  ),
  'credentials.cancelled': message(
    [],
    () => 'Cancelled; nothing was stored.',
    () => 'Cancelado; no se guardó nada.',
  ),
  'credentials.bad_bridge_name': message(
    ['bridge'],
    (p) => `"${p.bridge}" is not a bridge name (lower-case letters, digits, dashes).`,
    (p) => `«${p.bridge}» no es un nombre de puente (minúsculas, dígitos y guiones).`,
  ),
  'credentials.empty_account': message(
    [],
    () => 'The account of a stored password cannot be empty.',
    () => 'La cuenta de una contraseña guardada no puede estar vacía.',
  ),
  'credentials.empty_secret': message(
    [],
    () => 'An empty password cannot be stored.',
    () => 'No se puede guardar una contraseña vacía.',
  ),
  'desk.password_in_connection': message(
    [],
    () =>
      'The connection string contains a password. Passwords are kept only in the OS keychain, never in a file: remove it from the connection string.',
    () =>
      'La cadena de conexión contiene una contraseña. Las contraseñas se guardan solo en el llavero del sistema, nunca en un archivo: quítela de la cadena de conexión.',
  ),
  'discovery.no_dialect': message(
    [],
    () =>
      'The connection string names no driver this workbench knows; say which SQL to speak with --dialect (sqlite, postgres, mariadb, sqlserver or db2i).',
    () =>
      'La cadena de conexión no nombra ningún controlador que este puesto conozca; indique qué SQL hablar con --dialect (sqlite, postgres, mariadb, sqlserver o db2i).',
  ),
  'discovery.bad_time_zone': message(
    ['timeZone'],
    (p) =>
      `"${p.timeZone}" is not a time zone this machine knows; give an IANA name such as America/Chicago.`,
    (p) =>
      `«${p.timeZone}» no es una zona horaria que esta máquina conozca; indique un nombre IANA como America/Chicago.`,
  ),
  'discovery.no_tables': message(
    [],
    () =>
      'The legacy database shows no tables to this connection. Check the database name, the schema (--schema) and that the user may read the catalog.',
    () =>
      'La base de datos heredada no muestra ninguna tabla a esta conexión. Revise el nombre de la base de datos, el esquema (--schema) y que el usuario pueda leer el catálogo.',
  ),
};
