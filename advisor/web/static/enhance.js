// A little help where scripts run: a Print button in place of the words on how
// to print. Every page works without it.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("button.print").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
    var words = button.parentElement.querySelector(".no-script");
    if (words) { words.hidden = true; }
  });
});
