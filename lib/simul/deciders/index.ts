// Every command's decider, by command type: decide() (../decide.ts) looks the command up here.
import type { CommandType } from '../types';
import type { Decider } from './common';
import { decideClaimDraw } from './claim-draw';
import { decideAnswerDraw, decideOfferDraw } from './draw-offers';
import { decideAbortGame, decideEndSimul } from './ending';
import { decideFocus } from './focus';
import { decideJoin } from './join';
import { decideCloseJoining, decideOpenJoining } from './joining';
import { decideMove } from './move';
import { decidePause, decideResume } from './pause';
import { decideRematch } from './rematch';
import { decideResign } from './resign';
import { decideResumeClocks } from './resume-clocks';
import { decideSeatBot } from './seat-bot';
import { decideFreeSeat, decideReissueSeat } from './seats';
import { decideStart } from './start';
import { decideAnswerTakeback, decideRequestTakeback, decideTakeBack, decideTurnOffTakebacks } from './takebacks';
import { decideTimeOut } from './time-out';
import { decideMarkAway, decideMarkBack } from './presence';
import { decideHandToBot, decideTakeBoardBack } from './stand-in';
import { decideMessageClass } from './message';

export const DECIDERS: { [T in CommandType]: Decider<T> } = {
  join: decideJoin,
  'seat-bot': decideSeatBot,
  'free-seat': decideFreeSeat,
  'reissue-seat': decideReissueSeat,
  'close-joining': decideCloseJoining,
  'open-joining': decideOpenJoining,
  start: decideStart,
  move: decideMove,
  resign: decideResign,
  'offer-draw': decideOfferDraw,
  'answer-draw': decideAnswerDraw,
  'claim-draw': decideClaimDraw,
  focus: decideFocus,
  'abort-game': decideAbortGame,
  'end-simul': decideEndSimul,
  'time-out': decideTimeOut,
  'resume-clocks': decideResumeClocks,
  rematch: decideRematch,
  'request-takeback': decideRequestTakeback,
  'answer-takeback': decideAnswerTakeback,
  'take-back': decideTakeBack,
  pause: decidePause,
  resume: decideResume,
  'mark-away': decideMarkAway,
  'mark-back': decideMarkBack,
  'hand-to-bot': decideHandToBot,
  'take-board-back': decideTakeBoardBack,
  'message-class': decideMessageClass,
  'turn-off-takebacks': decideTurnOffTakebacks,
};
