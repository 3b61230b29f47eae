// Registers the Fluent UI web components the pane uses, and only those: each define module pulls in
// its own template and styles, so the bundle carries nothing the pane does not draw (the package's
// all-in-one entry would register some forty components). The view itself only creates the elements
// by tag name, which keeps it testable where custom elements cannot run (happy-dom has no
// ElementInternals); taskpane.ts calls this before the view is built, so every element it makes is
// upgraded at once.
import "@fluentui/web-components/accordion.js";
import "@fluentui/web-components/accordion-item.js";
import "@fluentui/web-components/button.js";
import "@fluentui/web-components/dropdown.js";
import "@fluentui/web-components/listbox.js";
import "@fluentui/web-components/message-bar.js";
import "@fluentui/web-components/option.js";
import "@fluentui/web-components/progress-bar.js";
import "@fluentui/web-components/radio.js";
import "@fluentui/web-components/radio-group.js";
import "@fluentui/web-components/text-input.js";
