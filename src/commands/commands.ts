// Ribbon commands. The manifest's FunctionFile is taskpane.html (one shared runtime), which loads
// this chunk, so this is where a ribbon button with <Action xsi:type="ExecuteFunction"> gets its
// function: `Office.actions.associate("<FunctionName in the manifest>", handler)`, where the handler
// receives the Office.AddinCommands.Event and must call event.completed().
//
// Today the ribbon has a single ShowTaskpane button ("Analyse tracker"), which Office handles by
// itself, so nothing is associated yet.

if (typeof Office !== "undefined") {
  Office.onReady(() => {
    // No ExecuteFunction commands yet.
  });
}
