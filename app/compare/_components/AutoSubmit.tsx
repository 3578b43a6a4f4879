'use client';

import { useEffect } from 'react';

/**
 * Applies a form as soon as a choice changes (a check box, a select, a measure picked from the
 * comparison's list `listId`). Without JavaScript the form's own button does the same.
 */
export function AutoSubmit({ formId, listId }: { formId: string; listId?: string }) {
  useEffect(() => {
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    // The picker's own list: the labels it offers are the measures there are.
    const known = new Set(listId ? [...document.querySelectorAll<HTMLOptionElement>(`#${listId} option`)].map((option) => option.value) : []);
    const onChange = (event: Event) => {
      const target = event.target;
      // A measure typed only part-way is not a choice yet.
      if (target instanceof HTMLInputElement && target.name === 'measure' && !known.has(target.value)) return;
      form.requestSubmit();
    };
    const onInput = (event: Event) => {
      // Picking from the list fills the whole label at once: apply it without waiting for blur.
      if (event instanceof InputEvent && event.inputType !== 'insertReplacementText' && event.inputType !== '') return;
      if (event.target instanceof HTMLInputElement && event.target.name === 'measure' && known.has(event.target.value)) form.requestSubmit();
    };
    form.addEventListener('change', onChange);
    form.addEventListener('input', onInput);
    return () => {
      form.removeEventListener('change', onChange);
      form.removeEventListener('input', onInput);
    };
  }, [formId, listId]);
  return null;
}
