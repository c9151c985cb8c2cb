// @vitest-environment happy-dom
// A form the server drew takes input before React has it: what was typed and chosen then goes
// into React's state when React takes the form over (hydration), and is not drawn over after.
import { act, useRef, useState } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { useEarlyInput } from './use-early-input';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let seen: { title: string; boards: number; mode: string; clocks: boolean; level: string } | null = null;

function Form() {
  const [title, setTitle] = useState('Class simul');
  const [boards, setBoards] = useState(24);
  const [mode, setMode] = useState('async');
  const [clocks, setClocks] = useState(false);
  const [level, setLevel] = useState('easy');
  const form = useRef<HTMLFormElement>(null);
  useEarlyInput(form, {
    title: setTitle,
    boards: (v) => setBoards(Number(v)),
    mode: setMode,
    clocks: (v) => setClocks(v === 'on'),
    level: setLevel,
  });
  seen = { title, boards, mode, clocks, level };
  return (
    <form ref={form}>
      <input name="title" value={title} onChange={(e) => setTitle(e.target.value)} />
      <input name="boards" type="number" value={boards} onChange={(e) => setBoards(Number(e.target.value))} />
      <input name="mode" type="radio" value="async" checked={mode === 'async'} onChange={() => setMode('async')} />
      <input name="mode" type="radio" value="sync" checked={mode === 'sync'} onChange={() => setMode('sync')} />
      <input name="clocks" type="checkbox" checked={clocks} onChange={(e) => setClocks(e.target.checked)} />
      <select name="level" value={level} onChange={(e) => setLevel(e.target.value)}>
        <option value="easy">easy</option>
        <option value="hard">hard</option>
      </select>
    </form>
  );
}

let root: Root | null = null;
let container: HTMLDivElement | null = null;
afterEach(() => {
  act(() => root?.unmount());
  container?.remove();
  root = null;
  seen = null;
});

/** The server's form in the page; `typeEarly` changes its fields as a reader would before React comes; then React hydrates it. */
function serverFormThenReact(typeEarly: (form: HTMLFormElement) => void): HTMLFormElement {
  container = document.createElement('div');
  container.innerHTML = renderToString(<Form />);
  document.body.append(container);
  const form = container.querySelector('form')!;
  typeEarly(form);
  act(() => {
    root = hydrateRoot(container!, <Form />);
  });
  return form;
}

const field = (form: HTMLFormElement, selector: string) => form.querySelector(selector) as HTMLInputElement & HTMLSelectElement;

describe('a form typed into before React has it', () => {
  it('keeps every kind of field the reader changed: a text, a number, a radio group, a checkbox, a select', () => {
    const form = serverFormThenReact((f) => {
      field(f, '[name=title]').value = 'Period 3';
      field(f, '[name=boards]').value = '5';
      field(f, '[value=sync]').checked = true;
      field(f, '[name=clocks]').checked = true;
      field(f, '[name=level]').value = 'hard';
    });
    expect(seen).toEqual({ title: 'Period 3', boards: 5, mode: 'sync', clocks: true, level: 'hard' });
    // Drawn again, the fields show the state: what was typed.
    expect(field(form, '[name=title]').value).toBe('Period 3');
    expect(field(form, '[value=sync]').checked).toBe(true);
    expect(field(form, '[name=level]').value).toBe('hard');
  });

  it('leaves the state as it is when nothing was typed', () => {
    serverFormThenReact(() => {});
    expect(seen).toEqual({ title: 'Class simul', boards: 24, mode: 'async', clocks: false, level: 'easy' });
  });
});
