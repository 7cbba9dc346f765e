// Actions that cannot be undone ask first: a form (or the button that sends it) with data-confirm submits only once the person has said yes to its
// question (the browser's own dialog, which every screen reader and phone knows). A form sent again after a refusal
// asks again.
(function () {
  'use strict';
  document.addEventListener('submit', function (event) {
    var form = event.target;
    // a form with several buttons may ask only for the one that cannot be undone
    var question = (event.submitter && event.submitter.dataset && event.submitter.dataset.confirm) || (form.dataset && form.dataset.confirm);
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  }, true);
}());
