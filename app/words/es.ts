// The app's words in Spanish: the same entries as en.ts, in the same groups, with the same
// parameters (the type says so, and words.test.ts checks every entry).
import type { TextProblem } from '@/lib/simul/display-text';
import type { PositionProblem } from '@/lib/chess/positions';
import type { RefusalWords, Words } from './en';
import { dateTimeIn } from './date-time';

type Mode = 'async' | 'sync';

/** Qué falla en un nombre o un título; `subject` abre la frase ("Un nombre"). */
function textProblem(subject: string, p: TextProblem): string {
  switch (p.kind) {
    case 'lone-surrogate':
      return `${subject} no puede contener medio carácter (un sustituto suelto).`;
    case 'length':
      return `${subject} tiene de 1 a ${p.max} caracteres.`;
    case 'invisible':
      return `${subject} no puede contener caracteres de control ni invisibles.`;
    case 'bare-mark':
      return `${subject} no puede tener un acento sin una letra debajo.`;
    case 'mark-stack':
      return `${subject} no puede apilar más de ${p.max} acentos sobre una letra.`;
  }
}

function times(n: number): string {
  return n === 1 ? 'una vez' : `${n} veces`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Un número como se escribe en español: "1.200". */
const number = (n: number) => n.toLocaleString('es-ES');
/** Una fecha con su hora: "25 nov 2026, 9:00". */
const dateTime = dateTimeIn('es-ES');

const modeName = (mode: Mode) => (mode === 'async' ? 'Asíncrona' : 'Síncrona');

const app: Words['app'] = {
  name: 'Async Simul',
  shortName: 'Simul',
  description: 'Una simultánea de ajedrez para el aula que enseña asyncio: un anfitrión, muchos tableros.',
  tab: (page) => `${page} · Async Simul`,
  pages: {
    create: 'Crear una simultánea',
    review: 'Repaso',
    watch: 'Ver',
    host: 'Consola del anfitrión',
    exhibition: 'Exhibición: síncrona contra asíncrona',
  },
  language: 'Idioma',
};

const home: Words['home'] = {
  intro:
    'Un profesor juega al ajedrez contra toda la clase a la vez, pasando de tablero en tablero mientras cada alumno piensa. ' +
    'Un panel en directo muestra lo poco que espera el profesor: así ejecuta asyncio muchas tareas en un solo hilo.',
  create: 'Crear una simultánea',
  lesson: 'La lección: síncrono contra asíncrono en números',
  missing: 'Ninguna simultánea abierta tiene ese código. Compruébalo con tu profesor.',
  join: 'Unirse a una simultánea',
  joinHint: 'Escribe el código de seis cifras que muestra tu profesor.',
  codeLabel: 'Código para unirse',
  joinButton: 'Unirse',
  teacher: '¿Eres profesor?',
};

const refusals: RefusalWords = {
  'bad-payload': () => 'La petición estaba mal formada.',
  'unknown-simul': (p) =>
    p?.asked === 'join'
      ? 'Abre la simultánea antes de unirte.'
      : p?.asked === 'command'
        ? 'Abre primero la simultánea.'
        : 'No hay ninguna simultánea en este enlace.',
  'not-host': () => 'Solo el anfitrión puede hacer eso.',
  'not-seated': (p) =>
    !p
      ? 'Los espectadores solo miran: ocupa un puesto para jugar.'
      : 'board' in p
        ? `Nadie juega en el tablero ${p.board}.`
        : 'Solo un alumno sentado escucha un tablero.',
  'not-your-board': (p) => `Juegas en el tablero ${p.yourBoard}, no en el ${p.board}.`,
  'not-your-turn': () => 'Espera a que mueva tu rival.',
  'illegal-move': (p) => `${p.from}-${p.to} no es una jugada legal aquí.`,
  'unknown-board': (p) => `No hay tablero ${p.board}.`,
  'game-over': (p) => `La partida del tablero ${p.board} ha terminado.`,
  'game-not-live': (p) => `El tablero ${p.board} espera a que empiece su partida.`,
  'not-started': () => 'La simultánea aún no ha empezado.',
  'already-started': (p) =>
    p.command === 'join'
      ? 'La simultánea ha empezado: los puestos están cerrados.'
      : p.command === 'free-seat'
        ? 'Los puestos solo se pueden liberar antes del comienzo.'
        : p.command === 'seat-bot'
          ? 'Los bots solo se pueden sentar antes del comienzo.'
          : 'La simultánea ya ha empezado.',
  'simul-finished': () => 'Esta simultánea ha terminado.',
  'joining-closed': () => 'El anfitrión ha cerrado la entrada.',
  'simul-full': () => 'Todos los puestos están ocupados.',
  'seat-taken': (p) => `El tablero ${p.board} está ocupado.`,
  'already-seated': (p) =>
    p.who === 'host'
      ? 'El anfitrión juega en todos los tableros.'
      : p.who === 'opponent'
        ? `Ya juegas en el tablero ${p.board}.`
        : 'Se está guardando tu puesto.',
  'name-invalid': (p) => textProblem('Un nombre', p),
  'name-taken': (p) => `Aquí ya hay alguien llamado ${p.name}: elige un nombre que se vea distinto.`,
  'title-invalid': (p) => textProblem('Un título', p),
  'bot-invalid': () => 'Los ajustes del bot están fuera de rango.',
  'bot-seat': (p) => `Un bot juega en el tablero ${p.board}: no tiene enlace que renovar.`,
  'no-opponents': () => 'Espera a que se una al menos un rival.',
  'no-draw-offer': () => 'No hay ninguna oferta de tablas que responder.',
  'draw-already-offered': () => 'Ya hay una oferta de tablas abierta.',
  'no-draw-claim': (p) =>
    `No hay tablas que reclamar: esta posición ha aparecido ${times(p.repetitions)} (una reclamación necesita 3), tras ${p.quietMoves} ` +
    `${p.quietMoves === 1 ? 'jugada' : 'jugadas'} sin captura ni movimiento de peón (una reclamación necesita 50).`,
  'out-of-time': (p) => `Se te ha acabado el tiempo en el tablero ${p.board}.`,
  'simul-paused': () => 'La clase está en pausa: espera a que el anfitrión la reanude.',
  'already-paused': () => 'La clase ya está en pausa.',
  'not-paused': () => 'La clase no está en pausa.',
  'no-takeback': (p) =>
    p.who === 'host'
      ? `El anfitrión no ha hecho ninguna jugada que deshacer en el tablero ${p.board}.`
      : `No tienes ninguna jugada que deshacer en el tablero ${p.board}.`,
  'no-takeback-request': () => 'No hay ninguna petición de deshacer jugada que responder.',
  'students-only': () => 'Solo el alumno del tablero pide deshacer una jugada; el anfitrión deshace la suya directamente.',
  'takeback-already-requested': () => 'Ya hay una petición de deshacer jugada abierta.',
  'takebacks-off': (p) => `No se pueden deshacer jugadas en el tablero ${p.board}.`,
  'takeback-used': (p) => `Ya has deshecho la jugada que permite esta partida en el tablero ${p.board}.`,
  'takeback-wait': (p) => `El anfitrión rechazó deshacer tu jugada: puedes volver a pedirlo en ${Math.ceil(p.retryAfterMs / 1000)} s.`,
  'game-live': (p) => `La partida del tablero ${p.board} sigue en juego: la revancha llega tras una partida terminada.`,
  'rematch-host-only': () => 'En esta simultánea solo el anfitrión puede empezar una revancha.',
  'position-invalid': (p) => (p.board === undefined ? '' : `Tablero ${p.board}: `) + startPosition.problem(p.problem),
  'rotation-needs-clocks': () => 'Ir al tablero más urgente lee los relojes del anfitrión: activa los relojes o elige otra rotación.',
  'rate-limited': () => 'Demasiadas peticiones: ve más despacio.',
  'too-many-simuls': (p) => `Una red puede crear ${p.perHour} simultáneas por hora.`,
  'exhibition-running': (p) => {
    const wait = p.retryAfterMs === undefined ? 'unos minutos' : `unos ${Math.max(1, Math.ceil(p.retryAfterMs / 60_000))} min`;
    return p.scope === 'network'
      ? `Todavía hay una exhibición de esta red en marcha: detenla en su página o espera ${wait} a que termine.`
      : `Todas las exhibiciones que el servidor puede tener a la vez están en uso: una queda libre en ${wait} (antes si nadie la mira). Inténtalo entonces.`;
  },
  'exhibition-too-big': (p) =>
    `Las dos simultáneas juntas harían ${number(p.plies)} jugadas: elige menos tableros o menos pares de jugadas (como mucho ${number(p.maxPlies)}).`,
  'exhibition-too-long': (p) =>
    `A esta velocidad la simultánea síncrona duraría ${Math.ceil(p.minutes)} minutos: elige una velocidad mayor (como mucho ${p.maxMinutes} minutos).`,
  'bad-credentials': () => 'Este enlace ya no es válido en este dispositivo.',
  'blocked': () => 'El anfitrión ha retirado este dispositivo de la simultánea.',
  'outdated-client': () => 'Esta página está desactualizada: vuelve a cargarla.',
  'try-again': (p) => (p ? 'La simultánea pasa a otro servidor: un momento.' : 'La simultánea está guardando una jugada: vuelve a saludar.'),
  'command-id-reused': () => 'Esa petición reutilizó el id de otra anterior y distinta, así que no se aplicó. Inténtalo de nuevo.',
  'internal': (p) =>
    p?.during === 'save'
      ? 'No se pudo guardar la jugada; inténtalo de nuevo.'
      : p?.during === 'join'
        ? 'No se pudo ocupar el puesto.'
        : 'Algo ha fallado en el servidor.',
  'rematch-limit': (p) =>
    p.scope === 'minute'
      ? `Como mucho ${p.perMinute} revanchas por minuto en un tablero: inténtalo de nuevo en ${Math.max(1, Math.ceil(p.retryAfterMs / 1000))} s.`
      : p.scope === 'board'
        ? `Este tablero ya ha tenido ${number(p.max)} revanchas, las máximas en una simultánea.`
        : `Esta simultánea ya ha tenido ${number(p.max)} revanchas, las máximas: crea una simultánea nueva para seguir jugando.`,
  'log-full': (p) => `Esta simultánea ha registrado ${number(p.maxEvents)} sucesos, los máximos que guarda una simultánea: termínala y crea otra.`,
  'storage-full': () => 'El disco del servidor está lleno y no se guardó nada. Inténtalo de nuevo cuando el servidor tenga espacio (avisa a quien lo administra).',
  'seat-moved': () => 'Tu puesto se ha pasado a otro dispositivo.',
  'seat-freed': () => 'El anfitrión ha liberado tu puesto: puedes volver a unirte.',
  'no-answer': () => 'El servidor no responde: inténtalo de nuevo.',
  'student-here': (p) => `El alumno del tablero ${p.board} está aquí: un bot solo toma un tablero cuyo alumno se ha ausentado.`,
  'bot-plays': (p) => `Un bot juega el tablero ${p.board} por ahora: recupera antes el tablero.`,
  'no-stand-in': (p) => `Ningún bot juega el tablero ${p.board}: no hay nada que recuperar.`,
  'message-invalid': (p) => textProblem('Un mensaje', p),
  'too-many-messages': (p) =>
    `Como mucho ${p.perMinute} mensajes por minuto: el siguiente puede salir en ${Math.max(1, Math.ceil(p.retryAfterMs / 1000))} s.`,
};

/** How the results name the reader: "you resigned" is said with the verb's own person. */
const YOU = 'tú';

const results: Words['results'] = {
  endReason: {
    checkmate: 'jaque mate',
    stalemate: 'rey ahogado',
    'threefold-repetition': 'triple repetición',
    'fifty-move-rule': 'regla de los cincuenta movimientos',
    'fivefold-repetition': 'quíntuple repetición',
    'seventy-five-move-rule': 'regla de los setenta y cinco movimientos',
    'insufficient-material': 'material insuficiente',
    resignation: 'abandono',
    'draw-agreed': 'tablas de mutuo acuerdo',
    timeout: 'se acabó el tiempo',
    'timeout-vs-insufficient-material': 'se acabó el tiempo, sin material para dar mate',
  },
  endReasonShort: {
    checkmate: 'mate',
    stalemate: 'ahogado',
    'threefold-repetition': 'repetición',
    'fifty-move-rule': '50 movs.',
    'fivefold-repetition': '5 veces',
    'seventy-five-move-rule': '75 movs.',
    'insufficient-material': 'material',
    resignation: 'abandono',
    'draw-agreed': 'acuerdo',
    timeout: 'tiempo',
    'timeout-vs-insufficient-material': 'tiempo, sin material',
  },
  unfinished: 'Sin terminar',
  unfinishedWhy: {
    'host-aborted': 'el anfitrión anuló la partida',
    'simul-ended': 'la simultánea se terminó antes de tiempo',
  },
  draw: 'Tablas',
  youWon: 'Has ganado',
  youLost: 'Has perdido',
  hostWon: 'Ganó el anfitrión',
  hostLost: 'Perdió el anfitrión',
  you: YOU,
  theHost: 'el anfitrión',
  theStudent: 'el alumno',
  resigned: (who) => (who === YOU ? 'abandonaste' : `abandonó ${who}`),
  sentence: (word, how) => (how ? `${word}: ${how}.` : `${word}.`),
};

const resultsTable: Words['resultsTable'] = {
  region: 'Resultados',
  byBoard: 'Resultados por tablero',
  tally: { host: 'Anfitrión:', won: 'ganadas', drawn: 'tablas', lost: 'perdidas', unfinished: 'sin terminar', playing: 'en juego' },
  board: 'Tablero',
  opponent: 'Rival',
  hostPlays: 'El anfitrión juega con',
  result: 'Resultado',
  how: 'Cómo',
  moves: 'Jugadas',
  finalClocks: 'Relojes (anfitrión · rival)',
};

const boardLooks: Words['boardLooks'] = {
  'seat-open': 'Puesto libre',
  seated: 'Sentado',
  'host-thinking': 'Anfitrión pensando',
  'awaiting-host': 'Espera al anfitrión',
  'opponent-thinking': 'Rival pensando',
  queued: 'En cola',
  paused: 'En pausa',
  win: 'Ganó el anfitrión',
  draw: 'Tablas',
  loss: 'Perdió el anfitrión',
  unfinished: 'Sin terminar',
};

const settings: Words['settings'] = {
  drawRules: {
    automatic: 'automáticas (la partida termina en el acto)',
    claimed: 'las reclama el jugador al que le toca mover, como dicen las leyes del ajedrez',
  },
  drawRulesLegend: 'Tablas por repetición y por 50 movimientos',
  drawRulesText: (rules) => `Tablas por repetición y por 50 movimientos: ${rules}`,
  noClocks: 'Sin relojes',
  minutes: (n) => `${n} min`,
  clocks: (initial, increment, hostExtra) =>
    `Relojes: ${initial}${increment ? ` + ${increment} por jugada` : ''}${hostExtra ? `; el anfitrión tiene ${hostExtra} más en cada tablero` : ''}`,
  mode: (mode) => (mode === 'async' ? 'Asíncrona: rotar entre todos los tableros' : 'Síncrona: una partida tras otra'),
};

const clocks: Words['clocks'] = {
  host: 'Anfitrión',
  you: 'Tú',
  opponent: 'Rival',
  low: 'poco tiempo',
};

const claims: Words['claims'] = {
  claim: 'Reclamar tablas',
  claimWithMove: 'Reclamar tablas con tu próxima jugada',
  claimPending:
    'Tu reclamación sigue en pie: haz la jugada que repite la posición por tercera vez o completa los 50 movimientos. Cualquier otra jugada deja abierta tu oferta de tablas.',
};

const game: Words['game'] = {
  offerDraw: 'Ofrecer tablas',
  drawOffered: 'Tablas ofrecidas',
  accept: 'Aceptar',
  decline: 'Rechazar',
  resign: 'Abandonar',
  white: 'Blancas',
  black: 'Negras',
  board: (n) => `Tablero ${n}`,
  vs: 'contra',
  versus: (name) => `contra ${name}`,
  position: 'posición del tablero',
};

const moves: Words['moves'] = {
  pieces: { K: 'rey', Q: 'dama', R: 'torre', B: 'alfil', N: 'caballo', P: 'peón' },
  castlesKingside: 'enroque corto',
  castlesQueenside: 'enroque largo',
  check: ', jaque',
  checkmate: ', jaque mate',
  move: (piece, takes, to) => `${piece} ${takes ? 'captura en' : 'a'} ${to}`,
  promotes: (piece) => `, corona ${piece}`,
  piece: (white, piece) => `${piece} ${white ? (piece === 'dama' || piece === 'torre' ? 'blanca' : 'blanco') : piece === 'dama' || piece === 'torre' ? 'negra' : 'negro'}`,
  square: (square, piece) => (piece ? `${square}, ${piece}` : square),
  board: 'Tablero: las flechas mueven entre casillas; Intro o Espacio elige una pieza y luego su casilla',
  promotionNames: { q: 'Dama', r: 'Torre', b: 'Alfil', n: 'Caballo' },
  promotionTitle: 'Coronar el peón en',
  cancel: 'Cancelar',
};

const connection: Words['connection'] = {
  online: 'conectado',
  connecting: 'conectando…',
  reconnecting: 'reconectando…',
  sending: 'enviando…',
};

const bots: Words['bots'] = {
  marker: 'Bot',
  name: (board) => `Bot ${board}`,
  inText: (name) => `${name} (bot)`,
  hostIsBot: 'Un bot juega por el anfitrión.',
  settings: 'Bots que añades',
  strength: 'Juega',
  strengths: { sensible: 'jugadas sensatas', random: 'jugadas al azar' },
  think: 'Piensa',
  thinkSeconds: (s) => `${s} s por jugada`,
  spread: 'Tiempo de reflexión',
  spreads: { varied: 'varía en torno a ese', steady: 'siempre exactamente ese' },
  add: 'Añadir un bot',
  addAt: (board) => `Añadir un bot en el puesto ${board}`,
  fill: 'Llenar con bots los puestos vacíos',
  remove: 'Quitar el bot',
  removeAt: (board) => `Quitar el bot del puesto ${board}`,
};

const simulEnd: Words['simulEnd'] = {
  over: (endedEarly) => (endedEarly ? 'La simultánea se terminó antes de tiempo' : 'La simultánea ha terminado: todas las partidas han acabado'),
  review: 'Repasar las partidas y las estadísticas de tiempo',
  reviewEnd: (endedEarly) => (endedEarly ? 'terminada antes de tiempo por el anfitrión' : 'jugada hasta el final'),
};

const simulatedTime: Words['simulatedTime'] = {
  speed: (speed) => (speed === 'max' ? 'tan rápido como va el servidor' : `${number(speed)}×`),
  simulated: (speed) =>
    `Los tiempos son simulados: los bots jugaron esta exhibición con un reloj simulado, ${speed === 'max' ? 'tan rápido como va el servidor' : `a ${number(speed)}×`}.`,
  endedEarly: (games, movePairs) =>
    `${plural(games, 'partida terminó', 'partidas terminaron')} antes de ${movePairs} pares de jugadas (un bot no pudo evitar el final): las cifras cuentan las jugadas hechas.`,
};

const create: Words['create'] = {
  heading: 'Crear una simultánea',
  defaultTitle: 'Simultánea de la clase',
  title: 'Título',
  boards: 'Tableros',
  boardsHint: 'Los tableros vacíos se quitan al empezar.',
  mode: 'Modo',
  async: 'Asíncrona',
  asyncHint: ': rotar entre todos los tableros, una jugada en cada uno (el bucle de eventos).',
  sync: 'Síncrona',
  syncHint: ': una partida tras otra, en el orden de las mesas (llamadas bloqueantes).',
  hostColor: 'Juegas con',
  colors: { white: 'Blancas', black: 'Negras', alternate: 'Alternas' },
  alternateHint: 'Blancas en los tableros impares (1, 3, 5…), negras en los pares (2, 4, 6…).',
  clocks: 'Relojes',
  playWithClocks: 'Jugar con relojes',
  minutesPerGame: 'Minutos por partida',
  secondsPerMove: 'Segundos añadidos por jugada',
  hostExtraMinutes: 'Minutos de más del anfitrión',
  creating: 'Creando…',
  create: 'Crear y abrir la consola',
  home: '← Inicio',
  hostName: 'Tu nombre en las partidas exportadas',
  hostNameHint: 'Opcional: el PGN te nombra así en cada tablero (si no, «Anfitrión»).',
  hostTotal: (baseMin, extraMin) =>
    `Tu reloj en cada tablero: ${baseMin + extraMin} min (${baseMin} + ${extraMin} de más); cada alumno tiene ${baseMin} min.`,
  estimate: '¿Cabe en una clase?',
  periodMinutes: 'Duración de la clase (minutos)',
  hostSeconds: 'Tus segundos por jugada',
  studentSeconds: 'Segundos de un alumno por jugada',
  movesPerGame: 'Jugadas por partida (cada bando)',
  estimateText: (mode, asyncTotal, syncTotal) =>
    mode === 'async'
      ? `Rotando entre los tableros: unos ${asyncTotal} (una partida tras otra serían ${syncTotal}).`
      : `Una partida tras otra: unos ${syncTotal} (rotando entre los tableros serían ${asyncTotal}).`,
  fits: (minutes) => `Cabe en una clase de ${minutes} minutos.`,
  tooLong: (minutes) =>
    `Dura más que una clase de ${minutes} minutos: cabrían menos tableros, menos jugadas o jugadas más rápidas.`,
  estimateNote: 'Una estimación con la aritmética de la lección, si cada jugada tarda los tiempos de arriba.',
};

const phone: Words['phone'] = {
  joinCode: 'Código para unirse',
  join: 'Unirse',
  opening: 'Abriendo…',
  noSimul: 'Aquí no hay ninguna simultánea',
  cannotOpen: 'No se puede abrir esta simultánea',
  checkWithTeacher: 'Comprueba el enlace o el código con tu profesor.',
  enterCode: 'Escribir un código',
  over: 'Esta simultánea ha terminado.',
  seatsClosed: 'Esta simultánea ha empezado: los puestos están cerrados.',
  watchIt: 'Verla',
  board: 'Tablero',
  youPlay: (color) => `juegas con ${color.toLowerCase()}`,
  finalResults: 'Resultados finales',
  lateAsync: 'La simultánea ha empezado. Siéntate y tu partida empieza en el acto.',
  lateSync: 'La simultánea ha empezado. Siéntate y tu partida queda en cola tras las demás.',
  seated: 'Estás sentado. El anfitrión empieza enseguida.',
  queued: (current) => `Esperando a que empiece tu partida${current ? ` (el anfitrión juega en el tablero ${current})` : ''}.`,
  yourMove: 'Te toca',
  hostHere: 'El anfitrión está en tu tablero, pensando',
  hostAt: (board, before) => `El anfitrión está en el tablero ${board}; ${plural(before, 'tablero', 'tableros')} antes del tuyo`,
  hostNext: 'El anfitrión vendrá ahora a tu tablero',
  botPlays: 'Un bot juega por ti: recupera tu tablero para seguir jugando',
  paused: (yourMove) => (yourMove ? 'La clase está en pausa: te toca cuando se reanude' : 'La clase está en pausa'),
  hostPlayed: (san, spoken) => `El anfitrión jugó ${san}: ${spoken}.`,
  hostMoved: (from, to) => `El anfitrión movió de ${from} a ${to}.`,
  hostOffersDraw: 'El anfitrión ofrece tablas.',
  confirmResign: '¿Abandonar esta partida?',
  yourMoveTab: (app) => `● Te toca · ${app}`,
  turnAlerts: 'Sonido y vibración en mi turno',
  offline: 'Sin conexión',
  offlineMeans: 'Lo que ves puede no estar al día.',
  notSentYet: (from, to) => `Tu jugada ${from}–${to}: aún sin enviar`,
  screenMaySleep: 'Este teléfono puede apagar la pantalla mientras esperas. No pasa nada: despiértalo y se pone al día con tu partida.',
  gotIt: 'Entendido',
  rules: 'Reglas',
  joiningClosed: 'El anfitrión ha cerrado la entrada.',
  yourName: 'Tu nombre',
  seat: 'Puesto',
  firstFreeSeat: 'Primer puesto libre',
  everySeatTaken: 'Todos los puestos están ocupados',
  takeSeat: 'Sentarse',
  seatedCount: (n) => `${plural(n, 'sentado', 'sentados')}`,
};

const hostConsole: Words['console'] = {
  opening: 'Abriendo la simultánea…',
  notYours: 'Esta consola no es tuya en este dispositivo',
  hostKeyKept: 'La clave de anfitrión de una simultánea se guarda en el navegador que la creó.',
  watchInstead: 'Ver la simultánea',
  onlyHost: 'Solo el anfitrión puede abrir esta consola',
  watch: 'Ver la simultánea',
  code: 'código',
  projectorView: 'vista de proyector',
  score: 'Marcador del anfitrión',
  scoreLetters: { won: 'G', drawn: 'T', lost: 'P' },
  dashboard: 'Panel del tiempo inactivo',
  focusedBoard: 'Tablero activo',
  allBoards: 'Todos los tableros',
  noBoardReady: 'Ningún tablero te espera',
  everyoneThinking: 'Todos los rivales están pensando. Aquí se abre el primer tablero que quede listo.',
  awaitingYou: (n) => (n === 1 ? 'te espera' : 'te esperan'),
  opponentsThinking: (n) => `${plural(n, 'rival pensando', 'rivales pensando')}`,
  yourMove: 'Te toca',
  waited: 'esperó',
  offersDraw: (name) => `${name} ofrece tablas.`,
  confirmResign: (board) => `¿Abandonar la partida del tablero ${board}?`,
  confirmAbort: (board) => `¿Anular el tablero ${board}? Queda registrado como sin terminar.`,
  abortGame: 'Anular la partida',
  confirmEnd: '¿Terminar ya toda la simultánea? Las partidas abiertas quedan registradas como sin terminar.',
  endSimul: 'Terminar la simultánea',
  drawOffered: 'Tablas ofrecidas',
  keys: {
    next: (board) => `siguiente tablero que te espera${board !== null ? ` (tablero ${board})` : ''}`,
    left: 'Flecha izquierda',
    right: 'Flecha derecha',
    step: 'recorrer los tableros',
    type: 'escribir una jugada bajo el tablero',
  },
  lateOpen: (code) => `La entrada está abierta: un alumno que llegue ahora entra con el código ${code} y recibe un tablero nuevo.`,
  lateClosed: 'La entrada está cerrada: nadie más puede sentarse.',
  closeJoining: 'Cerrar la entrada',
  openJoining: 'Abrir la entrada',
  seats: 'Puestos',
  seatsTaken: (total) => `de ${total} puestos ocupados`,
  start: 'Empezar la simultánea',
  joiningClosed: 'La entrada está cerrada.',
  lobbyNote: 'Los tableros vacíos se quitan al empezar; la entrada sigue abierta para quien llegue tarde hasta que la cierres.',
  cancel: 'Cancelar',
  typedMove: {
    label: 'Escribe una jugada',
    placeholder: 'Nf3, e4, O-O o g1f3',
    play: 'Jugar',
    refused: (typed) => `"${typed}" no es una jugada legal aquí: escríbela como Nf3, exd5, O-O o g1f3.`,
    notYourMove: 'No te toca mover en este tablero.',
  },
  reissue: {
    button: 'Nuevo enlace de puesto',
    title: (board) => `Nuevo enlace de puesto para el tablero ${board}`,
    forWhen: (name) => `Para cuando ${name} se pasa a otro dispositivo. El enlace antiguo deja de funcionar en el acto: el dispositivo antiguo solo mira.`,
    make: 'Crear un enlace nuevo',
    making: 'Creando el enlace…',
    projected: (board, name) =>
      `Puede que esta consola esté en el proyector: quien vea el enlace puede quedarse con el tablero ${board}. Muéstralo solo cuando la clase no vea la pantalla, y ocúltalo cuando ${name} lo tenga.`,
    close: 'Cerrar',
    show: 'Mostrar el enlace',
    scan: (name) => `${name} escanea este código con el dispositivo nuevo:`,
    qr: (board) => `Enlace del puesto del tablero ${board} como código QR`,
    orSend: 'O envía este enlace',
    copy: 'Copiar',
    copied: (name) => `Copiado. Envíaselo a ${name} en privado.`,
    cannotCopy: 'Este navegador no puede copiar aquí. El enlace está seleccionado: cópialo con Ctrl+C (Cmd+C en un Mac).',
    done: 'Hecho: ocultar el enlace',
  },
};

const projector: Words['projector'] = {
  opening: 'Abriendo…',
  goTo: 'Entra en',
  typeCode: 'y escribe el código',
  orScan: 'o escanéalo con la cámara del móvil',
  seated: (n) => plural(n, 'sentado', 'sentados'),
  free: (n) => `${n} ${n === 1 ? 'puesto libre' : 'puestos libres'}`,
  away: (n) => `${n} ${n === 1 ? 'ausente' : 'ausentes'}`,
  noneSeated: 'Los nombres aparecen aquí a medida que los alumnos se sientan.',
  waitingForHost: 'Esperando a que empiece el anfitrión',
  joiningClosed: 'La entrada está cerrada.',
  seatedStudents: 'Alumnos sentados',
  howToJoin: 'Cómo unirse',
  hostAt: (board) => `Anfitrión en el tablero ${board}`,
  versus: (name) => `contra ${name}`,
  hostIdle: 'El anfitrión está inactivo: todos los rivales están pensando',
  allOver: 'Todas las partidas han terminado',
  followedBoard: 'El tablero donde está el anfitrión',
  review: 'Repaso',
  asPlayed: (mode) => `${modeName(mode)} jugada`,
  projected: (mode) => `${modeName(mode)} proyectada`,
  asPlayedHint: 'lo que duró la simultánea',
  projectedHint: (mode) => (mode === 'sync' ? 'lo que habría durado una partida tras otra' : 'lo que habría durado rotando entre los tableros'),
  speedUp: 'Aceleración',
  page: (first, last, total) => `Tableros ${first}–${last} de ${total}`,
};

const dashboard: Words['dashboard'] = {
  busy: 'Ocupado',
  busyHint: 'Al menos un tablero esperaba al anfitrión',
  idle: 'Inactivo',
  idleHint: 'Ningún tablero esperaba al anfitrión',
  utilization: 'Ocupación',
  asPlayed: (mode, soFar) => `${mode === 'async' ? 'Asíncrona (rotando)' : 'Síncrona (una partida tras otra)'}, ${soFar ? 'jugada hasta ahora' : 'jugada'}`,
  projected: (mode) => `${mode === 'async' ? 'Asíncrona (rotando)' : 'Síncrona (una partida tras otra)'}, proyectada`,
  speedUp: 'Aceleración de la asíncrona sobre la síncrona',
  running: 'En ejecución',
  readyQueue: 'Cola de listos',
  waitingSet: 'Conjunto en espera',
  notScheduled: 'Aún sin planificar',
  done: 'Terminadas',
  boards: (n) => plural(n, 'tablero', 'tableros'),
  notStarted: 'Las cifras empiezan cuando empieza la simultánea.',
  host: 'El anfitrión',
  hostLoop: 'El anfitrión: el bucle de eventos',
  hostUtilization: 'Ocupación del anfitrión',
  nowAt: 'Ahora en el',
  atBoard: (board) => `tablero ${board}`,
  idleNow: 'Inactivo: todos los rivales están pensando.',
  elapsed: 'Transcurrido',
  contrast: 'Síncrona contra asíncrona',
  projection: 'La proyección repite los mismos tiempos de reflexión registrados con el otro orden',
  soFar: ', para las jugadas hechas hasta ahora',
  none: 'ninguno',
  lens: 'La lente de asyncio',
  lensTitle: 'Con los ojos de asyncio',
  lensRows: {
    running: 'el tablero en que juega el anfitrión: la tarea en el bucle de eventos',
    ready: 'el rival movió y espera al anfitrión, en el orden en que el anfitrión llegará',
    waiting: 'el rival piensa: la tarea espera E/S',
    queued: 'en cola: la partida no ha empezado',
    done: 'partidas terminadas',
  },
  perBoard: 'Por tablero',
  columns: {
    board: 'Tablero',
    opponent: 'Rival',
    state: 'Estado',
    opponentThink: 'Reflexión del rival',
    waited: 'Esperó al anfitrión',
    longestWait: 'Espera más larga',
    moves: 'Jugadas',
    result: 'Resultado',
  },
  status: {
    open: 'Puesto libre',
    seated: 'Sentado',
    queued: 'En cola',
    playing: 'En juego',
    finished: 'Terminada',
    aborted: 'Sin terminar',
  },
  timeline: 'Cronología',
  segments: {
    'host-think': 'Anfitrión pensando',
    'awaiting-host': 'Espera al anfitrión',
    'opponent-think': 'Rival pensando',
    queued: 'En cola (la partida no ha empezado)',
    paused: 'En pausa (no cuenta para nadie)',
  },
  rowTitle: (board, totals) => `Tablero ${board}: ${totals.join(', ')}`,
  segmentTotal: (segment, duration) => `${segment.toLowerCase()} ${duration}`,
  timelineSummary: (title, boards, span, maxQueue) =>
    `${title}: ${plural(boards, 'tablero', 'tableros')} durante ${span}; la cola de listos llegó como mucho a ${plural(maxQueue, 'tablero', 'tableros')}.`,
  queueAxis: (max) => `Longitud de la cola de listos (tableros que esperan al anfitrión), máximo ${max}`,
  queueLegend: 'Longitud de la cola de listos',
  timeRuns: 'El tiempo avanza de izquierda a derecha desde el comienzo de la simultánea.',
  story: 'En palabras sencillas',
  utilizationHint: 'La parte del tiempo en que al menos un tablero esperaba al anfitrión',
  lastHostMoves: 'Las últimas jugadas del anfitrión:',
  lastHostMove: (board, san, think) => `tablero ${board}: ${san} en ${think}`,
  neverWaited: (soFar) => `No esperaste nunca${soFar ? ' hasta ahora' : ''}: en todo momento algún tablero te esperaba.`,
  waitedInAll: (idle, soFar, percent) =>
    `Esperaste ${idle} en total${soFar ? ' hasta ahora' : ''}, con todos los rivales pensando; estuviste ocupado el ${percent} % del tiempo.`,
  studentsWaited: (mean, soFar, from, to) =>
    `Cada alumno te esperó unos ${mean}${soFar ? ' hasta ahora' : ''}${from !== null && to !== null ? ` (de ${from} a ${to})` : ''}.`,
  otherSchedule: (mode, projected, soFar, actual) =>
    `${mode === 'async' ? 'Una partida tras otra, con los mismos tiempos de reflexión, la simultánea habría durado' : 'Rotando entre los tableros, con los mismos tiempos de reflexión, habría durado'} ${projected}${soFar ? ' para estas jugadas' : ''} en lugar de ${actual}.`,
};

const review: Words['review'] = {
  loading: 'Cargando la simultánea…',
  downloads: 'Descargas',
  pgn: 'Partidas (PGN)',
  csv: 'Tiempos de las jugadas (CSV)',
  json: 'Registro de eventos (JSON)',
  compareWith: 'Comparar con otra simultánea:',
  compareHint: 'su enlace de repaso o su id',
  compare: 'Comparar',
  mode: (mode) => (mode === 'async' ? 'Asíncrona: rotando entre los tableros' : 'Síncrona: una partida tras otra'),
  boards: (n) => plural(n, 'tablero', 'tableros'),
  startedAt: dateTime,
  stillRunning: ' · todavía en marcha',
  neverStarted: 'Esta simultánea nunca empezó.',
  home: 'Inicio',
  sideBySide: 'Dos simultáneas, una al lado de la otra',
  secondSimul: 'La segunda simultánea:',
  backTo: (title) => `Volver a ${title}`,
  figure: 'Cifra',
  notStarted: 'sin empezar',
  loadingShort: 'cargando…',
  rows: {
    mode: 'Modo',
    boards: 'Tableros',
    clock: 'Reloj',
    results: 'Resultados (anfitrión G / T / P)',
    moves: 'Jugadas',
    elapsed: 'Transcurrido',
    busy: 'Anfitrión ocupado',
    idle: 'Anfitrión inactivo',
    utilization: 'Ocupación del anfitrión',
    wait: 'Espera de los rivales, total',
    longestWait: 'Espera más larga',
    syncTotal: 'Total síncrono (jugado o proyectado)',
    asyncTotal: 'Total asíncrono (jugado o proyectado)',
    speedUp: 'Aceleración',
    closedForm: 'La fórmula de la lección',
  },
  modeShort: (mode) => (mode === 'async' ? 'asíncrona (rotando)' : 'síncrona (una partida tras otra)'),
  simulatedClock: (speed) => `simulado, ${speed}`,
  realTime: 'tiempo real',
  games: 'Partidas',
  board: 'Tablero',
  position: 'Posición del tablero; las flechas izquierda y derecha recorren la partida',
  first: 'Inicio',
  previous: 'Jugada anterior',
  next: 'Jugada siguiente',
  last: 'Final',
  clockAfter: 'Tras cada jugada, el tiempo que le queda en el reloj a quien movió.',
  times: 'Tiempos:',
  hostThink: 'reflexión del anfitrión',
  hostThinkMeans: '(tiempo ocupado desde la jugada anterior del anfitrión en cualquier tablero)',
  opponentThink: 'reflexión del rival',
  opponentThinkMeans: '(desde la jugada del anfitrión en ese tablero).',
};

const lesson: Words['lesson'] = {
  tabTitle: 'La lección: síncrono contra asíncrono',
  description: 'Un anfitrión, muchos tableros: la simultánea de ajedrez que explica asyncio, en números.',
  heading: 'Síncrono contra asíncrono, en números',
  intro:
    'Un maestro de ajedrez juega contra 24 rivales. El maestro necesita 5 s por jugada; cada rival, 55 s; una partida son 30 pares de jugadas. ' +
    'Jugando una partida tras otra, la exhibición dura 12 horas. Pasando de tablero en tablero, una jugada en cada uno, dura 1 hora según la cuenta de la lección, ' +
    '1 h 0 min 55 s exactamente (más abajo se ve por qué). El maestro no se volvió más rápido: dejó de esperar.',
  playIt: 'Juégalo con tu clase',
  playItText:
    'Haz una simultánea en cada modo con la misma clase. El panel mide el tiempo ocupado e inactivo del anfitrión a partir de las jugadas reales, y proyecta lo que habría durado el otro modo.',
  startAsync: 'Empezar una simultánea asíncrona',
  startAsyncText: 'Rotar entre todos los tableros, una jugada en cada uno: el bucle de eventos.',
  startSync: 'Empezar una simultánea síncrona',
  startSyncText: 'Una partida tras otra, en el orden de las mesas: llamadas bloqueantes.',
  analogy: 'La analogía',
  analogyText:
    'asyncio ejecuta muchas tareas a la vez en un solo hilo y un solo núcleo de CPU. Puede hacerlo por la misma razón por la que un maestro de ajedrez puede jugar contra toda una sala: casi todo el tiempo de cada partida es el rival pensando, y nadie necesita mirarle pensar.',
  inSimul: 'En la simultánea',
  inAsyncio: 'En asyncio',
  means: 'Qué significa',
  rows: {
    host: { simul: 'El anfitrión', asyncio: ['El bucle de eventos, en un solo hilo'], words: 'Un solo trabajador. Hace una cosa cada vez, y solo es rápido si nunca se queda parado.' },
    board: { simul: 'Un tablero', asyncio: ['Una tarea (una corrutina, ', 'async def', ')'], words: 'Una partida: avanza a pasos cortos y se detiene entre ellos.' },
    hostThinks: { simul: 'El anfitrión piensa en un tablero', asyncio: ['Un paso de CPU, que ejecuta el bucle'], words: 'El bucle ejecuta el código de una tarea hasta su siguiente await. Mientras tanto no se ejecuta nada más.' },
    opponentThinks: { simul: 'El rival piensa', asyncio: ['', 'await', ' sobre E/S'], words: 'La tarea espera a la red, a un disco, a una persona. El bucle no tiene que hacer nada por ella.' },
    ready: { simul: 'Tableros que esperan al anfitrión', asyncio: ['La cola de listos'], words: 'Tareas cuyo resultado esperado ya ha llegado: listas para ejecutarse cuando el bucle llegue a ellas.' },
    waiting: { simul: 'Tableros cuyo rival piensa', asyncio: ['El conjunto en espera'], words: 'Tareas suspendidas en un await. No le cuestan nada al bucle mientras esperan.' },
    sync: {
      simul: 'Síncrona: una partida tras otra',
      asyncio: ['Llamadas bloqueantes'],
      words: 'Como time.sleep() o una lectura normal de un socket: el anfitrión se queda en un tablero mientras su rival piensa, y las demás partidas ni siquiera han empezado (en cola).',
    },
  },
  syncCodeTitle: 'Síncrono: cada llamada bloquea hasta que vuelve',
  syncCode: `def play_game(board):
    for _ in range(30):
        host_move(board)       # CPU, 5 s
        opponent_reply(board)  # bloquea, 55 s

def simul(boards):
    for board in boards:       # una partida tras otra
        play_game(board)`,
  asyncCodeTitle: 'Asíncrono: mientras una tarea espera, el bucle ejecuta otra',
  asyncCode: `async def play_game(board):
    for _ in range(30):
        host_move(board)             # CPU, 5 s
        await opponent_reply(board)  # E/S, 55 s

async def simul(boards):
    await asyncio.gather(*map(play_game, boards))`,
  fields: {
    n: { label: 'Tableros', hint: 'rivales, un tablero cada uno' },
    h: { label: 'Anfitrión por jugada', hint: 'segundos que piensa el anfitrión: h' },
    o: { label: 'Rival por jugada', hint: 'segundos que piensa un rival: o' },
    m: { label: 'Pares de jugadas', hint: 'por partida; el anfitrión mueve primero' },
  },
  enterNumber: 'Escribe un número.',
  enterWhole: 'Escribe un número entero.',
  range: (min, max) => `De ${min} a ${max}.`,
  tryYours: 'Prueba tus propios números',
  lessonNumbers: 'Los números de la lección',
  presets: 'Tableros:',
  boards: (n) => plural(n, 'tablero', 'tableros'),
  growing: 'A medida que crece el número de tableros',
  announce: (sync, async, speedUp) => `Síncrona ${sync}, asíncrona ${async}, aceleración ${speedUp}.`,
  syncTitle: 'Síncrona: una partida tras otra',
  syncIdle: 'el anfitrión se queda en un tablero mientras su rival piensa',
  syncGame: (gameTime) => `Cada partida dura m × (h + o) = ${gameTime}; la siguiente no puede empezar hasta que acabe.`,
  asyncTitle: 'Asíncrona: de tablero en tablero',
  asyncIdleRounds: 'el anfitrión espera respuestas entre rondas',
  asyncIdleLast: 'solo la última respuesta, al final del todo',
  anyRule:
    'Alrededor de las mesas, primero el listo o el más urgente: con tableros iguales las tres reglas toman los tableros en el mismo orden, así que estas cifras valen para cada una. Se separan cuando los tableros difieren, como en una simultánea jugada.',
  round: (lap, pair, round, rounds, o) =>
    `Una ronda: el anfitrión hace una jugada en cada tablero, n × h = ${lap}. Un tablero vuelve a estar listo h + o = ${pair} después de que el anfitrión moviera allí, ` +
    `así que una ronda dura T = max(n × h, h + o) = ${round}. Tras m − 1 = ${rounds} rondas llega la última: ${lap} de jugadas del anfitrión, y luego la respuesta final del último rival, o = ${o}.`,
  exact: 'Exacto:',
  asTaught: 'La lección:',
  agree: 'Aquí las dos coinciden: sin tiempo de reflexión del rival, la última respuesta no tarda nada.',
  differ: (extra, o) =>
    `La lección solo cuenta las jugadas del propio anfitrión, m × n × h. La cifra exacta es ${extra} más larga: añade la respuesta final del último rival (+ o = ${o})`,
  differWaits: (pair, lap, rounds, wait) =>
    ` y, como el par de jugadas de un tablero (h + o = ${pair}) es más largo que la vuelta del anfitrión (n × h = ${lap}), la espera del anfitrión a las respuestas en cada una de las primeras ${rounds} rondas (+ ${rounds} × ${wait})`,
  speedUp: 'Aceleración',
  sooner: (ratio, sooner) => `S / A = ${ratio}: las mismas partidas, el mismo anfitrión, ${sooner} antes.`,
  sameBusy: (busy) =>
    `El anfitrión está ocupado los mismos ${busy} (n × m × h) en ambos modos. La asíncrona gana llenando el tiempo inactivo: mientras un rival piensa, el anfitrión juega con los demás. Con más pares de jugadas la aceleración tiende a min(n, (h + o) / h) =`,
  fewBoards: (n, count) => `con ${n} ${count === 1 ? 'tablero' : 'tableros'}, como mucho ${n} partidas pueden avanzar a la vez.`,
  manyBoards: (knee) => `a partir de ${knee} tableros el anfitrión nunca espera, así que más tableros ya no ayudan: el límite es el propio anfitrión.`,
  hostBusy: 'Anfitrión ocupado',
  hostIdle: 'Anfitrión inactivo',
  utilization: 'Ocupación',
  utilizationOf: (mode) => `Ocupación del anfitrión, ${mode === 'async' ? 'asíncrona' : 'síncrona'}`,
  busyValue: (percent) => `${percent} ocupado`,
  busy: 'Ocupado',
  busyMeans: ': el anfitrión está pensando en un tablero.',
  idle: 'Inactivo',
  series: { sync: 'Síncrona: una partida tras otra', async: 'Asíncrona: una jugada por tablero, ronda tras ronda' },
  sync: 'Síncrona',
  async: 'Asíncrona',
  boardsAxis: 'Tableros (n)',
  totalAxis: (unit) => `Tiempo total (${unit})`,
  units: { hours: 'horas', minutes: 'minutos', seconds: 'segundos' },
  knee: (n) => `n = ${n}: ya no se espera`,
  chartSummary: (p) =>
    `Tiempo total según el número de tableros, de 1 a ${p.maxN}, con h = ${p.h}, o = ${p.o} y m = ${p.m}. ` +
    `La síncrona crece ${p.perBoard} por cada tablero: ${p.mineSync} con ${plural(p.n, 'tablero', 'tableros')}, ${p.lastSync} con ${p.maxN}. ` +
    `La asíncrona ${p.knee !== null ? `crece solo ${p.hostMove} por tablero hasta ${p.knee} tableros, y luego ${p.hostGame} por tablero` : `crece ${p.hostGame} por tablero`}` +
    `: ${p.mineAsync} con ${p.n}, ${p.lastAsync} con ${p.maxN}.`,
  chartData: 'Los datos del gráfico como tabla',
  chartCaption: 'Totales síncronos y asíncronos por número de tableros',
  legend: 'Leyenda',
  speedUpIs: (speedUp) => `Aceleración: ${speedUp}`,
  watch: {
    title: 'Míralo en acción',
    plays: (n, count, h, o, m, pairs) =>
      `El servidor juega estos números: dos simultáneas reales, una síncrona y una asíncrona, cada una con un bot anfitrión y ${n} ${count === 1 ? 'bot rival' : 'bots rivales'}. ` +
      `El bot anfitrión tarda ${h} por jugada, cada rival ${o}, y cada partida se declara tablas tras ${m} ${pairs === 1 ? 'par' : 'pares'} de jugadas. Sus relojes son simulados: `,
    fastest: 'van tan rápido como va el servidor',
    atSpeed: (speed, total, real) => `a ${speed} los ${total} de la simultánea síncrona pasan en unos ${real}`,
    fromMoves: ', y cada cifra sigue saliendo de las jugadas hechas.',
    shorter: (lap, pair) =>
      `Aquí n × h = ${lap} es más corto que h + o = ${pair}: tras su vuelta el anfitrión espera la primera respuesta. Rotar ha dejado de ayudar: cabrían más tableros en el tiempo inactivo del anfitrión.`,
    longer: (lap, pair, h) =>
      `Aquí n × h = ${lap} es más largo que h + o = ${pair}: las respuestas esperan al anfitrión. Rotar ha dejado de escalar: el límite es el propio anfitrión, y cada tablero más añade ${h} a cada ronda.`,
    equal: (pair) => `Aquí n × h = h + o = ${pair}: cada respuesta llega justo cuando el anfitrión vuelve.`,
    speed: 'Velocidad',
    fastestChoice: 'Lo más rápido posible',
    varied: (percent) => `Variar los tiempos de reflexión (dispersión: ${percent} % de la media)`,
    start: 'Míralo en acción',
    starting: 'Empezando…',
    tooManyBoards: (max) => `Una exhibición juega como mucho ${max} tableros.`,
    tooManyPairs: (max) => `Una exhibición juega como mucho ${max} pares de jugadas por partida.`,
    thinkTooLong: (max) => `Los tiempos de reflexión de una exhibición son como mucho ${max} s por jugada.`,
    hostTooQuick: (min) => `El anfitrión necesita al menos ${min} s por jugada.`,
  },
};

const exhibition: Words['exhibition'] = {
  opening: 'Abriendo…',
  backToLesson: 'La lección',
  raceTitle: 'Síncrona contra asíncrona, jugada por bots',
  stop: 'Detener la exhibición',
  bothOver: 'Las dos han terminado:',
  openingComparison: 'abriendo la comparación',
  notExhibition: 'Esta simultánea no es una exhibición:',
  watchIt: 'verla',
  side: (mode) => (mode === 'sync' ? 'Síncrona: una partida tras otra' : 'Asíncrona: rotando entre los tableros'),
  title: (mode) => `Exhibición: ${mode === 'async' ? 'asíncrona' : 'síncrona'}`,
  movesPlayed: (mode) => `Jugadas hechas, ${mode === 'async' ? 'asíncrona' : 'síncrona'}`,
  progress: (done, total) => `${number(done)} de ${number(total)} jugadas`,
  simulated: (over) => (over ? 'simulado, terminado' : 'simulado hasta ahora'),
  asyncFinished: (elapsed, speedUp) =>
    `La asíncrona terminó tras ${elapsed} (simulados)${speedUp ? `: ${speedUp} más rápida que la síncrona, con los mismos tiempos de reflexión` : ''}.`,
  serverEnded: (ending) =>
    ending === 'preempted'
      ? 'Esta exhibición se detuvo para que otro profesor pudiera empezar una (cada exhibición conserva su plaza 5 minutos). Vuelve a empezarla desde la lección cuando quieras.'
      : ending === 'unwatched'
        ? 'Esta exhibición se detuvo: nadie la estaba viendo.'
        : 'Esta exhibición se detuvo antes de su final.',
  syncLeft: (left, total) =>
    `Síncrona: faltan unos ${left} (simulados), de ${total} según los tiempos de reflexión que registró la asíncrona.`,
};

const program: Words['program'] = {
  title: 'La simultánea como programa de Python',
  intro: (mode) =>
    mode === 'async'
      ? 'Una tarea por tablero en el bucle de eventos de asyncio, en un solo hilo: el del anfitrión. El anfitrión toma los tableros listos según la regla de la simultánea. Cada línea muestra los tableros que están en ella.'
      : 'La versión bloqueante: una partida tras otra, el anfitrión esperando cada vez que su rival piensa. Cada línea muestra los tableros que están en ella.',
  code: 'El programa, línea a línea',
  showCode: (lines) => `El programa: ${lines} líneas de Python`,
  notStarted: 'Las tareas empiezan cuando empieza la simultánea.',
  current: 'La tarea actual del bucle',
  currentSync: 'La partida que se está jugando',
  none: 'ninguna',
  idle: 'ninguna: todas las tareas esperan a su rival',
  readyQueue: 'Cola de listos, en el orden en que las toma el anfitrión',
  awaiting: 'Esperan a su rival',
  notBegun: 'Sin empezar',
  done: 'Terminadas',
  board: (n) => `tablero ${n}`,
  state: { running: 'en ejecución en el anfitrión', ready: 'lista', awaiting: 'espera a su rival', 'not-begun': 'sin empezar', done: 'terminada', paused: 'suspendida' },
  paused: 'La clase está en pausa: el programa está suspendido. Ninguna tarea se ejecuta; cada una sigue donde estaba hasta que la clase reanude.',
  game: (game) => `partida ${game}`,
  lineTasks: (line, tasks) => `línea ${line}: ${tasks.join(', ')}`,
  comments: {
    host: 'El anfitrión: un solo hilo, en un tablero cada vez. Como el bucle de asyncio, guarda los tableros que están listos y toma el siguiente según la regla de la simultánea.',
    rule: '"table-order" (orden de mesa), "first-ready" (el primero listo) o "most-urgent" (el más urgente)',
    clock: 'el reloj del anfitrión (s): [su tiempo al empezar una partida, el incremento]',
    tables: 'en orden de mesa',
    turns: 'mesa: (cuándo espera al anfitrión, el turno del anfitrión allí)',
    left: 'mesa: el tiempo que le queda al anfitrión en el reloj de ese tablero',
    at: 'el tablero donde está el anfitrión, y el último en que jugó',
    readyAt: 'cuándo empezó a esperarlo el tablero donde está el anfitrión',
    begin: 'Empieza una partida en este tablero: se pone el reloj del anfitrión allí.',
    turn: 'El próximo turno del anfitrión en este tablero: lo espera en cuanto su rival ha jugado.',
    done: 'La última partida del tablero ha terminado.',
    free: 'el anfitrión ha jugado aquí: vuelve a estar libre',
    chooses: 'El anfitrión elige cuando está libre y cada tablero espera a su rival o al anfitrión.',
    noneReady: 'ninguno espera al anfitrión: espera al primero que lo haga (empates: orden de mesa)',
    firstReady: 'el que lleva más tiempo esperando',
    mostUrgent: 'el reloj del anfitrión más bajo: la primera bandera en caer',
    tableOrder: 'alrededor de las mesas: el siguiente después del tablero que dejó',
    board: 'Un tablero: una tarea en el bucle de eventos. Cada jugada: lo que piensa el rival, luego lo que piensa el anfitrión (s).',
    rematch: 'una revancha: una nueva partida en el mismo tablero',
    awaitsOpponent: 'espera a su rival: el bucle atiende otros tableros',
    awaitsHost: 'lista: espera al anfitrión, que llega según la regla de la simultánea',
    hostThinks: 'el anfitrión piensa: un solo hilo, ningún otro tablero se mueve',
    gather: 'Cada tablero es una tarea en el único hilo, el del anfitrión; el anfitrión juega en uno cada vez.',
    syncBoard: 'Un tablero, jugado hasta el final. Cada jugada: lo que piensa el rival, luego lo que piensa el anfitrión (s).',
    syncAwaitsOpponent: 'espera a su rival: bloqueado, el anfitrión también espera',
    syncHostThinks: 'el anfitrión piensa',
    syncGames: 'una partida tras otra: ningún otro tablero se mueve mientras tanto',
  },
};

const scrub: Words['scrub'] = {
  title: 'Volver a ver la simultánea',
  intro: 'Arrastra hasta cualquier momento: cada tablero, dónde estaba el anfitrión, la cola de listos y las cifras hasta entonces.',
  position: 'Momento de la simultánea',
  at: (at, of) => `${at} de ${of}`,
  play: 'Reproducir',
  pause: 'Pausa',
  speed: 'Velocidad',
  speedOption: (x) => `${x}×`,
  previous: 'Evento anterior',
  next: 'Evento siguiente',
  toEnd: 'Hasta el final',
  event: (k, total) => `evento ${k} de ${total}`,
  boards: 'Los tableros en este momento',
  hostHere: 'aquí el anfitrión',
  replay: 'Repetición',
  backToResults: 'Resultados',
};

// --- Entrenamiento: pausa, reglas de rotación, posiciones iniciales, deshacer, revanchas ----------

const pause: Words['pause'] = {
  pause: 'Pausar la clase',
  resume: 'Reanudar',
  banner: 'La clase está en pausa: todos los relojes se han detenido.',
  bannerHost: 'La clase está en pausa: todos los relojes y la rotación se han detenido. Reanuda cuando la clase esté lista.',
  band: 'En pausa (no cuenta para nadie)',
  bandAsyncio: 'el bucle de eventos suspendido',
  total: (paused) => `En pausa ${paused} en total (no cuenta para nadie).`,
};

const rotation: Words['rotation'] = {
  legend: 'Cómo pasa el anfitrión de tablero en tablero (asíncrona)',
  name: { 'table-order': 'Por orden de mesas', 'first-ready': 'El primero listo', 'most-urgent': 'El más urgente' },
  hint: {
    'table-order': 'el siguiente tablero, por orden de mesas, que espera al anfitrión',
    'first-ready': 'el tablero que lleva más tiempo esperando: la cola de listos de asyncio, el primero en llegar es el primero en salir',
    'most-urgent': 'el tablero donde el reloj del anfitrión va más bajo (necesita relojes)',
  },
  line: (r) => `El anfitrión va: ${rotation.name[r].toLowerCase()} (${rotation.hint[r]})`,
  needsClocks: 'El más urgente lee los relojes del anfitrión: activa los relojes para elegirlo.',
  equalBoards: 'Con todos los tableros iguales, las tres reglas visitan los tableros en el mismo orden, así que estas cifras valen para cada una.',
};

const FEN_FIELD: Record<Extract<PositionProblem, { kind: 'format' }>['field'], string> = {
  fields: 'tiene seis campos separados por espacios (piezas, turno, enroques, al paso, dos contadores)',
  counters: 'sus dos últimos campos son el contador de medias jugadas (0 o más) y el número de jugada (1 o más)',
  'en-passant': 'su cuarto campo es una casilla de captura al paso en la tercera o la sexta fila, o -',
  castling: 'su tercer campo son los derechos de enroque (algunas de KQkq) o -',
  'side-to-move': 'su segundo campo es w o b',
  placement: 'su primer campo son ocho filas separadas por /, cada una con 8 casillas de piezas (KQRBNPkqrbnp) y cifras',
};

const startPosition: Words['startPosition'] = {
  legend: 'Dónde empiezan las partidas',
  initial: 'La posición inicial',
  custom: 'Una posición propia (FEN)',
  choose: 'Posición inicial',
  fen: 'Notación FEN',
  ok: 'Una posición legal: las partidas empiezan aquí.',
  groups: { endgame: 'Ejercicios de finales', opening: 'Aperturas' },
  names: {
    'queen-mate': 'Mate con rey y dama',
    'rook-mate': 'Mate con rey y torre',
    'king-and-pawn': 'Rey y peón contra rey',
    lucena: 'Posición de Lucena (final de torres, gana)',
    philidor: 'Posición de Philidor (final de torres, tablas)',
    italian: 'Partida Italiana',
    'ruy-lopez': 'Ruy López (Apertura Española)',
    sicilian: 'Defensa Siciliana',
    french: 'Defensa Francesa',
    'queens-gambit': 'Gambito de Dama',
  },
  goals: { 'white-wins': 'Blancas juegan para ganar', 'black-draws': 'Negras juegan para hacer tablas' },
  perBoard: 'Tableros con una posición propia',
  addBoard: 'Dar a un tablero su propia posición',
  board: 'Tablero',
  remove: 'Quitar',
  line: (every, ownBoards) =>
    [
      every ? `Las partidas empiezan desde ${every}` : null,
      ownBoards.length > 0
        ? `${ownBoards.length === 1 ? 'el tablero' : 'los tableros'} ${ownBoards.join(', ')} desde ${ownBoards.length === 1 ? 'su' : 'sus'} ${ownBoards.length === 1 ? 'propia posición' : 'propias posiciones'}`
        : null,
    ]
      .filter(Boolean)
      .join('; '),
  aPosition: 'una posición dada',
  problem: (p) => {
    switch (p.kind) {
      case 'format':
        return `Eso no es un FEN: ${FEN_FIELD[p.field]}.`;
      case 'kings':
        return 'Una posición necesita exactamente un rey de cada color.';
      case 'pawns-on-edge':
        return 'Los peones no pueden estar en la primera ni en la última fila.';
      case 'too-many-pieces':
        return 'Un bando tiene más de 16 piezas o más de 8 peones.';
      case 'in-check':
        return 'El bando que no mueve está en jaque: ninguna partida puede llegar a esta posición.';
      case 'over':
        return `La partida ya ha terminado en esta posición (${results.endReason[p.reason]}).`;
    }
  },
};

const boardColumns: Words['boardColumns'] = {
  games: 'Partidas',
};

const takeback: Words['takeback'] = {
  ask: 'Pedir deshacer mi jugada',
  asked: 'Has pedido deshacer tu jugada: el anfitrión responderá.',
  request: (board, name) => `Tablero ${board}: ${name} pide deshacer una jugada.`,
  grant: 'Conceder',
  refuse: 'Rechazar',
  requests: 'Peticiones de deshacer jugada',
  hostTakeBack: (board) => `Deshacer mi última jugada en el tablero ${board}`,
  count: (n) => (n === 1 ? '1 jugada deshecha' : `${n} jugadas deshechas`),
  column: 'Jugadas deshechas',
  news: {
    granted: 'El anfitrión aceptó deshacer tu jugada: te toca otra vez.',
    refused: 'El anfitrión rechazó deshacer tu jugada.',
    host: 'El anfitrión deshizo su última jugada: volverá a jugar.',
    off: 'El anfitrión ha desactivado deshacer jugadas en tu tablero.',
  },
  askAgainIn: (seconds) => `Vuelve a pedirlo en ${seconds} s`,
  turnOff: (board) => `Desactivar deshacer jugadas en el tablero ${board}`,
  policyLegend: 'Deshacer jugadas',
  policy: { any: 'Los alumnos pueden pedir deshacer jugadas', 'one-per-game': 'Una jugada deshecha por partida', none: 'Sin deshacer jugadas' },
};

const rematch: Words['rematch'] = {
  finished: 'Tableros terminados: jugar otra vez',
  swap: 'Revancha, con los colores cambiados',
  keep: 'Revancha, con los mismos colores',
  board: (board, name) => `Tablero ${board} · ${name}`,
  studentMay: 'Los alumnos pueden empezar la revancha de su partida terminada',
  askStudent: 'Jugar otra vez (colores cambiados)',
  game: (n) => `partida ${n}`,
  gameOf: (board, game) => (game === 1 ? `Tablero ${board}` : `Tablero ${board}, partida ${game}`),
};

const join: Words['join'] = {
  howToJoin: 'Cómo unirse',
  joinCode: 'Código para unirse',
  typeAt: 'Escríbelo en',
  orScan: ', o escanea el código.',
  joinLink: 'Enlace para unirse',
  copy: 'Copiar',
  copied: 'Copiado',
  qrTitle: 'Enlace para unirse como código QR',
  pick: 'Dirección que usa la clase',
  pickHint: 'Esta máquina tiene varias direcciones de red: elige la de la red de la clase (el proyector de este navegador la sigue).',
  pageAtLocalhost: (address) =>
    `Esta página está abierta en localhost, que ningún teléfono puede abrir: los alumnos se unen en ${address}, que se muestra aquí y en el proyector.`,
  unreachable: (address) =>
    `Ningún teléfono puede llegar a ${address}: el servidor solo escucha en esta máquina. Arráncalo con HOST=0.0.0.0 en la red de la clase (o define SIMUL_PUBLIC_URL detrás de un proxy) y recarga.`,
  projectorUnreachable: 'Los teléfonos no pueden llegar a esta dirección: el profesor debe arrancar el servidor en la red de la clase.',
};

const lobby: Words['lobby'] = {
  empty: 'vacío',
  remove: 'Quitar…',
  removeAt: (board, name) => `Quitar a ${name} del puesto ${board}`,
  askWhat: (name) => `¿Quitar a ${name}?`,
  free: 'Liberar el puesto',
  freeHint: 'Esa persona, u otra, puede volver a sentarse.',
  freeAt: (board) => `Liberar el puesto ${board}`,
  block: 'Quitar y bloquear la red',
  blockHint:
    'Ningún dispositivo de esta red podrá volver a unirse a esta simultánea. Detrás de una sola dirección del colegio eso es cada teléfono de la clase: bloquea solo a un desconocido de otra red.',
  blockAt: (board) => `Quitar y bloquear el puesto ${board}`,
};

const miniBoard: Words['miniBoard'] = {
  wait: 'espera',
  waitHint: 'Cuánto lleva este tablero esperando al anfitrión',
  hostClock: 'anfitrión',
  hostClockHint: 'El reloj del anfitrión en este tablero',
  opponentClockHint: 'El reloj del alumno en este tablero',
  finished: (look, reason) => {
    const host = look === 'win' ? 'Ganó el anfitrión' : 'Perdió el anfitrión';
    switch (reason) {
      case 'checkmate':
        return `${host} por mate`;
      case 'timeout':
        return look === 'draw' ? 'Tablas por tiempo' : `${host} por tiempo`;
      case 'resignation':
        return look === 'win' ? 'El alumno abandonó' : 'El anfitrión abandonó';
      case 'draw-agreed':
        return 'Tablas acordadas';
      case 'stalemate':
        return 'Ahogado: tablas';
      case 'threefold-repetition':
      case 'fivefold-repetition':
        return 'Tablas por repetición';
      case 'fifty-move-rule':
        return 'Tablas: 50 jugadas';
      case 'seventy-five-move-rule':
        return 'Tablas: 75 jugadas';
      case 'insufficient-material':
      case 'timeout-vs-insufficient-material':
        return 'Tablas: sin mate posible';
    }
  },
};

const classroom: Words['classroom'] = {
  awayTime: (ms) => (ms < 60_000 ? `${Math.max(0, Math.floor(ms / 1000))} s` : `${Math.floor(ms / 60_000)} min`),
  presence: { here: 'aquí', away: 'ausente', left: 'se fue' },
  awayFor: (time) => `ausente ${time}`,
  awayHint: 'El teléfono del alumno está desconectado (cerrado, dormido o sin conexión) desde entonces',
  opponentAway: (board, time) => `Tablero ${board}: rival ausente ${time}`,
  handToBot: 'Que un bot juegue este tablero',
  handToBotHint: 'El alumno se ha ausentado: un bot juega por él desde esta posición hasta que recupere el tablero.',
  giveBack: 'Devolver el tablero',
  botPlaying: 'un bot juega por el alumno',
  takeBackTitle: '¿Recuperas tu tablero?',
  takeBackBody: 'Un bot ha jugado por ti mientras no estabas. Se detiene en cuanto recuperes el tablero.',
  takeBackYes: 'Recuperar mi tablero',
  messageHeading: 'Un mensaje a la clase',
  presets: {
    'five-minutes': 'Quedan cinco minutos',
    'finish-game': 'Terminad vuestra partida',
    'look-at-projector': 'Mirad el proyector',
    'well-played': '¡Bien jugado, todos!',
  },
  ownMessage: 'Tu propio mensaje',
  ownMessageHint: 'Como mucho 140 caracteres; lo muestran todos los teléfonos y el proyector.',
  send: 'Enviar',
  sent: 'Enviado',
  fromHost: 'Del anfitrión',
  closeMessage: 'Cerrar el mensaje',
  awayColumn: 'Rival ausente',
};

const server: Words['server'] = {
  tooManyJoinCodes: 'Demasiados códigos erróneos desde esta red: espera un minuto y vuelve a intentarlo.',
  malformedPath: 'Petición incorrecta: esta dirección no se puede leer.',
  notFound: 'No encontrado.',
};

export const es: Words = {
  lang: 'es',
  languageName: 'Español',
  number,
  app,
  home,
  refusals,
  results,
  resultsTable,
  boardLooks,
  settings,
  clocks,
  claims,
  game,
  moves,
  connection,
  bots,
  simulEnd,
  simulatedTime,
  create,
  phone,
  console: hostConsole,
  projector,
  dashboard,
  review,
  lesson,
  exhibition,
  program,
  scrub,
  pause,
  rotation,
  startPosition,
  boardColumns,
  takeback,
  rematch,
  join,
  lobby,
  miniBoard,
  classroom,
  server,
};
