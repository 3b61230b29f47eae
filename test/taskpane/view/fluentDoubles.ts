// Stand-ins for the Fluent UI web components the view makes, for happy-dom, which cannot run the
// real ones (it has no ElementInternals). Each keeps only the contract the view relies on: a value
// property, disabled and required from their attributes, focus, a radio group that reports the
// radio clicked as its value with a change event, and a dropdown's options. How the real components
// draw, open and take keys is tested in headless Chromium (test/build/preview.test.ts).

class FocusableDouble extends HTMLElement {
  connectedCallback(): void {
    if (!this.hasAttribute("tabindex")) this.tabIndex = 0;
  }
  get disabled(): boolean {
    return this.hasAttribute("disabled");
  }
}

class ValueDouble extends FocusableDouble {
  value = "";
  get required(): boolean {
    return this.hasAttribute("required");
  }
}

class DropdownDouble extends ValueDouble {
  get options(): HTMLElement[] {
    return [...this.querySelectorAll<HTMLElement>("fluent-option")];
  }
}

class RadioDouble extends FocusableDouble {
  get checked(): boolean {
    const group = this.closest("fluent-radio-group") as ValueDouble | null;
    return group ? group.value === this.getAttribute("value") : this.hasAttribute("checked");
  }
  click(): void {
    const group = this.closest("fluent-radio-group") as ValueDouble | null;
    if (!group || this.disabled) return;
    group.value = this.getAttribute("value") ?? "";
    group.dispatchEvent(new Event("change", { bubbles: true }));
  }
}

const DOUBLES: Record<string, CustomElementConstructor> = {
  "fluent-button": FocusableDouble,
  "fluent-text-input": ValueDouble,
  "fluent-dropdown": DropdownDouble,
  "fluent-radio-group": class extends ValueDouble {},
  "fluent-radio": RadioDouble,
};

/** Defines the stand-ins once per document (call before the view is built). */
export function defineFluentDoubles(): void {
  for (const [tag, make] of Object.entries(DOUBLES)) {
    // A fresh subclass per tag: one constructor cannot be defined under two names.
    if (!customElements.get(tag)) customElements.define(tag, class extends make {});
  }
}

/** Every control the analyst can reach, as the view makes them. */
export const CONTROLS = "fluent-button, fluent-text-input, fluent-dropdown, fluent-radio-group, fluent-radio";
