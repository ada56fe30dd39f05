// The overview: narrow the lists of profiles by name.
(function () {
  "use strict";
  var input = document.getElementById("profile-filter");
  input.addEventListener("input", function () {
    var q = input.value.trim().toLowerCase();
    document.querySelectorAll("ul.profiles li").forEach(function (li) {
      li.hidden = !!q && li.textContent.toLowerCase().indexOf(q) < 0;
    });
  });
  window.kgReady = true;
})();
