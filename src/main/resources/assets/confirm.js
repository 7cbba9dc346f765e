// Actions that cannot be undone ask first: a form with data-confirm submits only once the person has said yes to its
// question (the browser's own dialog, which every screen reader and phone knows). A form sent again after a refusal
// asks again.
(function () {
  'use strict';
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  }, true);
}());
