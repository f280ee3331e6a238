// Riverton's ordinance code table (ORDSEC) and the fixed lists the inspector's tables are drawn
// from. The checklist items themselves (codes, weights, critical) are the city's own rules file,
// bridges/riverton/inspections.yaml, so the generator and the desk score a checklist alike.
// Severity codes as the legacy table keeps them: 1 minor, 2 major, 3 critical.

export interface OrdinanceSection {
  section: string;
  en: string;
  es: string;
  severity: '1' | '2' | '3';
  days: number;
  /** What an inspector keyed in VIOLTN when citing it (1990s: capitals). */
  finding: string;
}

const o = (
  section: string,
  en: string,
  es: string,
  severity: '1' | '2' | '3',
  days: number,
  finding: string,
) => ({
  section,
  en,
  es,
  severity,
  days,
  finding,
});

export const ORDINANCES: readonly OrdinanceSection[] = [
  // Title 4, chapter 60: liquor
  o(
    '4-60-040',
    'Liquor licence posted where customers can see it',
    'Licencia de licores a la vista del público',
    '1',
    10,
    'LIQUOR LICENSE NOT POSTED',
  ),
  o(
    '4-60-110',
    'No sales to anyone under 21; ID checked',
    'Prohibida la venta a menores de 21; se pide identificación',
    '3',
    0,
    'SALE TO MINOR - ID NOT CHECKED',
  ),
  o(
    '4-60-130',
    'Liquor sold only in the permitted hours',
    'Venta de licor solo en el horario permitido',
    '2',
    0,
    'SERVING AFTER HOURS',
  ),
  o(
    '4-60-150',
    'Server training certificates kept on file',
    'Certificados de capacitación de meseros archivados',
    '1',
    30,
    'NO BASSET CERTS ON FILE',
  ),
  // Title 8, chapter 2: food establishments
  o(
    '8-2-020',
    'Licence and inspection report posted',
    'Licencia e informe de inspección a la vista',
    '1',
    10,
    'LICENSE/REPORT NOT POSTED',
  ),
  o(
    '8-2-105',
    'Food from approved sources',
    'Alimentos de proveedores aprobados',
    '3',
    1,
    'HOME CANNED GOODS ON SHELF',
  ),
  o(
    '8-2-110',
    'Safe food temperatures',
    'Temperatura segura de los alimentos',
    '3',
    1,
    'WALK-IN COOLER AT 48F',
  ),
  o('8-2-115', 'Thermometers', 'Termómetros', '1', 30, 'NO THERMOMETER IN COOLER'),
  o(
    '8-2-120',
    'Food protected from contamination',
    'Alimentos protegidos de la contaminación',
    '2',
    10,
    'RAW CHICKEN ABOVE PRODUCE',
  ),
  o(
    '8-2-130',
    'Clean and sanitized food-contact surfaces',
    'Superficies limpias y desinfectadas',
    '2',
    10,
    'SLICER NOT CLEANED',
  ),
  o('8-2-140', 'Hand sinks', 'Lavamanos', '2', 10, 'HAND SINK BLOCKED / NO SOAP'),
  o(
    '8-2-145',
    'Handwashing and bare-hand contact',
    'Lavado de manos y contacto con las manos',
    '3',
    1,
    'BARE HAND CONTACT W/ RTE FOOD',
  ),
  o('8-2-160', 'Rodents and insects', 'Roedores e insectos', '3', 2, 'MOUSE DROPPINGS IN DRY STORAGE'),
  o(
    '8-2-170',
    'Certified food manager',
    'Gerente certificado en alimentos',
    '1',
    30,
    'NO CERTIFIED MGR ON DUTY',
  ),
  o('8-2-180', 'Floors, walls and ceilings', 'Pisos, paredes y techos', '1', 30, 'CEILING TILES MISSING'),
  o('8-2-185', 'Garbage and refuse', 'Basura y desechos', '1', 10, 'DUMPSTER LID OPEN'),
  // Title 9, chapter 112: taxicabs
  o(
    '9-112-210',
    'Taxi meter sealed and accurate',
    'Taxímetro sellado y exacto',
    '2',
    10,
    'METER SEAL BROKEN',
  ),
  o(
    '9-112-230',
    'Rates and driver licence shown in the cab',
    'Tarifas y licencia del conductor a la vista en el taxi',
    '1',
    10,
    'RATE CARD NOT DISPLAYED',
  ),
  o(
    '9-112-310',
    'Vehicle safety inspection current',
    'Inspección de seguridad del vehículo al día',
    '3',
    5,
    'VEHICLE SAFETY STICKER EXPIRED',
  ),
  o(
    '9-112-330',
    'Cab clean and in good repair',
    'Taxi limpio y en buen estado',
    '1',
    14,
    'TORN SEATS, DIRTY INTERIOR',
  ),
  // Title 12, chapter 4: fire prevention
  o(
    '12-4-050',
    'Street numbers visible',
    'Número de la calle visible',
    '1',
    30,
    'ADDRESS NUMBERS NOT VISIBLE',
  ),
  o('12-4-110', 'Exits kept open and clear', 'Salidas abiertas y despejadas', '3', 0, 'REAR EXIT CHAINED'),
  o(
    '12-4-120',
    'Exit signs and emergency lights',
    'Señales de salida y luces de emergencia',
    '2',
    10,
    'EXIT SIGN OUT',
  ),
  o('12-4-130', 'Occupant limit', 'Aforo máximo', '3', 0, 'OVER OCCUPANCY'),
  o('12-4-210', 'Fire extinguishers', 'Extintores', '2', 10, 'EXTINGUISHER TAG EXPIRED'),
  o(
    '12-4-310',
    'Fire alarm systems',
    'Sistemas de alarma contra incendios',
    '2',
    14,
    'ALARM NOT TESTED THIS YEAR',
  ),
  o('12-4-320', 'Sprinkler systems', 'Sistemas de rociadores', '2', 14, 'SPRINKLER INSP OVERDUE'),
  o(
    '12-4-330',
    'Kitchen hoods and their fire systems',
    'Campanas de cocina y su sistema contra incendios',
    '2',
    14,
    'HOOD SYSTEM NOT SERVICED',
  ),
  o('12-4-410', 'Extension cords', 'Extensiones eléctricas', '1', 10, 'EXTENSION CORDS AS PERM WIRING'),
  o(
    '12-4-420',
    'Storage of things that burn',
    'Almacenaje de materiales inflamables',
    '1',
    10,
    'BOXES STORED BY WATER HEATER',
  ),
  // Title 14: buildings
  o('14-1-020', 'Permit card posted', 'Tarjeta del permiso a la vista', '1', 10, 'PERMIT CARD NOT POSTED'),
  o('14-1-110', 'Work as permitted', 'Obra según el permiso', '2', 30, 'WORK NOT PER APPROVED PLANS'),
  o('14-1-210', 'Structural safety', 'Seguridad estructural', '3', 2, 'UNPERMITTED WALL REMOVED'),
  o(
    '14-1-310',
    'Stairs, guards and handrails',
    'Escaleras, barandas y pasamanos',
    '2',
    30,
    'LOOSE HANDRAIL AT STAIR',
  ),
  o(
    '14-1-410',
    'Smoke and carbon monoxide alarms',
    'Alarmas de humo y monóxido de carbono',
    '3',
    2,
    'SMOKE DETECTOR MISSING',
  ),
  o('14-1-510', 'Roofs and gutters', 'Techos y canaletas', '1', 30, 'ROOF LEAK OVER STORAGE'),
  o('14-3-120', 'Electrical panels', 'Tableros eléctricos', '2', 10, 'PANEL COVER MISSING'),
  o('14-5-110', 'Accessible entrance and restroom', 'Entrada y baño accesibles', '2', 30, 'RAMP BLOCKED'),
  // Title 17: zoning
  o(
    '17-2-110',
    'Use allowed in the district',
    'Uso permitido en la zona',
    '3',
    30,
    'USE NOT PERMITTED IN DISTRICT',
  ),
  o('17-2-410', 'Home businesses', 'Negocios en casa', '2', 30, 'HOME OCC W/ OUTSIDE EMPLOYEES'),
  o(
    '17-3-120',
    'Hours of a conditional use',
    'Horario de un uso condicionado',
    '2',
    10,
    'OPEN PAST PERMITTED HOURS',
  ),
  o(
    '17-4-310',
    'Outdoor storage and display',
    'Almacenaje y exhibición al aire libre',
    '1',
    30,
    'OUTDOOR STORAGE NOT SCREENED',
  ),
  o('17-5-110', 'Parking spaces', 'Estacionamientos', '1', 30, 'PARKING NOT STRIPED'),
  o('17-6-210', 'Signs', 'Letreros', '1', 30, 'SIGN OVER ALLOWED SIZE'),
];

/** Sections cited on the failed inspections of these licence types besides the checklist's own. */
export const TYPE_SECTIONS: Readonly<Record<string, readonly string[]>> = {
  LIQR: ['4-60-040', '4-60-110', '4-60-130', '4-60-150'],
  TAXI: ['9-112-210', '9-112-230', '9-112-310', '9-112-330'],
};

/** Inspection time windows (SCHWIN): A 08-10, B 10-12, C 13-15, D 15-17; blank: any time. */
export const WINDOW_CODES: readonly (readonly [string, number])[] = [
  ['A', 30],
  ['B', 30],
  ['C', 20],
  ['D', 12],
  ['', 8],
];

/** Riverton's nine wards. */
export const WARDS = ['01', '02', '03', '04', '05', '06', '07', '08', '09'] as const;

/** Notes inspectors keyed on a checklist line (most lines have none). */
export const CHECK_NOTES = {
  pass: ['OK', 'CORRECTED ON SITE', 'GOOD'],
  fail: ['SEE VIOLATION', 'TOLD MGR', 'REPEAT', 'PHOTO TAKEN', 'CORRECT BY REINSP'],
} as const;

/** Sites inspected without a licence: new construction and complaints (bare addresses). */
export const BARE_SITE_KINDS: readonly (readonly ['BLDG' | 'ZONE', number])[] = [
  ['BLDG', 7],
  ['ZONE', 3],
];
