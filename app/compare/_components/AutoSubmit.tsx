'use client';

import { useEffect } from 'react';

/**
 * Whether a choice was changed before this script ran: between the page showing and its
 * JavaScript starting (on a slow phone, seconds) a change fires no handler and would be lost.
 * The form's own state is what the server rendered from the URL (its forms have
 * autoComplete="off", so the browser restores nothing into them on the way back).
 */
function changedBeforeScript(form: HTMLFormElement, isChoice: (element: Element) => boolean): boolean {
  return [...form.elements].some((element) => {
    if (!isChoice(element)) return false;
    if (element instanceof HTMLSelectElement) {
      const rendered = [...element.options].findIndex((option) => option.defaultSelected);
      return element.selectedIndex !== Math.max(rendered, 0);
    }
    if (element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio')) return element.checked !== element.defaultChecked;
    return element instanceof HTMLInputElement && element.value !== element.defaultValue;
  });
}

/**
 * Applies a form as soon as a choice changes (a check box, a select, a measure picked from the
 * comparison's list `listId`), including one made before the script ran. Without JavaScript the
 * form's own button does the same.
 */
export function AutoSubmit({ formId, listId }: { formId: string; listId?: string }) {
  useEffect(() => {
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    // The picker's own list: the labels it offers are the measures there are.
    const known = new Set(listId ? [...document.querySelectorAll<HTMLOptionElement>(`#${listId} option`)].map((option) => option.value) : []);
    // A measure typed only part-way is not a choice yet.
    const isChoice = (element: Element) => !(element instanceof HTMLInputElement && element.name === 'measure' && !known.has(element.value));
    const onChange = (event: Event) => {
      if (event.target instanceof Element && isChoice(event.target)) form.requestSubmit();
    };
    const onInput = (event: Event) => {
      // Picking from the list fills the whole label at once: apply it without waiting for blur.
      if (event instanceof InputEvent && event.inputType !== 'insertReplacementText' && event.inputType !== '') return;
      if (event.target instanceof HTMLInputElement && event.target.name === 'measure' && known.has(event.target.value)) form.requestSubmit();
    };
    if (changedBeforeScript(form, isChoice)) form.requestSubmit();
    form.addEventListener('change', onChange);
    form.addEventListener('input', onInput);
    return () => {
      form.removeEventListener('change', onChange);
      form.removeEventListener('input', onInput);
    };
  }, [formId, listId]);
  return null;
}
