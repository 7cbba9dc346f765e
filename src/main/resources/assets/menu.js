// The site's navigation on a narrow screen: folded behind one "menu" button (the stylesheet folds it only once this
// script has marked the header, so a browser without scripts shows the whole list instead of hiding it for good).
(function () {
  'use strict';
  var header = document.querySelector('body > header');
  var button = document.getElementById('menu-button');
  if (!header || !button) {
    return;
  }
  var menu = document.getElementById(button.getAttribute('aria-controls'));

  function show(open) {
    header.classList.toggle('open', open);
    button.setAttribute('aria-expanded', String(open));
  }

  header.classList.add('folding');
  button.hidden = false;
  button.addEventListener('click', function () {
    show(button.getAttribute('aria-expanded') !== 'true');
  });
  // Escape closes the open menu and gives the focus back to its button, as a menu does
  menu.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') {
      show(false);
      button.focus();
    }
  });
}());
