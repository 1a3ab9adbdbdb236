// Logs the self-check's events on this page (docs/embedding.md, "Events"). Each arrives as a DOM
// event on the [data-selfcheck] element; event.detail is the message. No answers are ever in it.
["ready", "step", "height", "outcome", "booking"].forEach(function (type) {
  document.addEventListener("selfcheck:" + type, function (event) {
    var where = event.target.id ? "#" + event.target.id : "widget";
    console.log("self-check event", where, JSON.stringify(event.detail));
  });
});
