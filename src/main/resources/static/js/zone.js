// Tells the subscribe and settings forms the reader's time zone, so digests arrive at 08:00
// their time; without script the zone defaults to UTC and can be changed in the settings.
document.addEventListener("DOMContentLoaded", function () {
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  document.querySelectorAll("input.browser-zone").forEach(function (input) {
    if (!input.value && zone) {
      input.value = zone;
    }
  });
});
