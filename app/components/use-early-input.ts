'use client';
// A form the server draws takes input before the page's scripts have come (on a slow phone or
// laptop, seconds before): what was typed or chosen then is in the page's fields, not in React's
// state, and React draws its own values over it at its next render, or sends its own. Read once
// when React has taken the form over, and handed to the state's setters.
import { useEffect, type RefObject } from 'react';

type Field = HTMLInputElement | HTMLSelectElement;

/**
 * What the reader left in the field named `name` within `form`, or null when it is still what
 * the server drew: a text's or number's value, a radio group's checked value, a checkbox's
 * 'on' or '' (checked or not), a select's chosen option's value.
 */
function changedValue(form: HTMLElement, name: string): string | null {
  const fields = [...form.querySelectorAll<Field>(`[name="${CSS.escape(name)}"]`)];
  const first = fields[0];
  if (!first) return null;
  if (first instanceof HTMLSelectElement) {
    // The server marks the option it chose (its `selected` attribute); React's own drawing marks
    // none: nothing came before it.
    const marked = (o: HTMLOptionElement) => o.hasAttribute('selected');
    const chosen = first.options[first.selectedIndex];
    return [...first.options].some(marked) && chosen && !marked(chosen) ? first.value : null;
  }
  if (first.type === 'radio') {
    const chosen = fields.find((f) => (f as HTMLInputElement).checked) as HTMLInputElement | undefined;
    return chosen && !chosen.defaultChecked ? chosen.value : null;
  }
  if (first.type === 'checkbox') return first.checked !== first.defaultChecked ? (first.checked ? 'on' : '') : null;
  return first.value !== first.defaultValue ? first.value : null;
}

/**
 * Once, when React has taken `form` over: each field (by its name) that the reader changed
 * before that gives its value to its setter (a checkbox's: 'on' when checked, '' when not).
 */
export function useEarlyInput(form: RefObject<HTMLElement | null>, setters: Record<string, (value: string) => void>): void {
  useEffect(() => {
    const within = form.current;
    if (!within) return;
    for (const [name, set] of Object.entries(setters)) {
      const value = changedValue(within, name);
      if (value !== null) set(value);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once: what was typed before React came
  }, []);
}
