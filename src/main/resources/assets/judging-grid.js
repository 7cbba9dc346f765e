// The judging grid, enhanced: the form's table becomes a keyboard grid. Arrows move, Space selects cells, M and N
// choose MET and NOT_YET (for the selected cells, or the current one), Delete clears, C goes to the comment and
// Ctrl+Enter saves, Enter opens the cell's evidence. With a mouse, a pen or a finger, a click on a cell places in it
// three buttons (Met, Not yet, Clear) that choose as M, N and Delete do; Ctrl- or Shift-click selects. Each choice is written into the cell's own <select>, so what is saved is the plain form the
// server also takes without this script.
(function () {
  'use strict';
  var table = document.getElementById('grid');
  var form = document.getElementById('grid-form');
  if (!table || !form) {
    return;
  }
  var status = document.getElementById('grid-status');
  var comment = document.getElementById('grid-comment');
  var rows = Array.prototype.map.call(table.tBodies[0].rows, function (row) {
    return Array.prototype.slice.call(row.querySelectorAll('td'));
  });
  var row = 0;
  var column = 0;
  var tools = cellTools();

  table.classList.add('keyboard');
  table.setAttribute('role', 'grid');
  table.setAttribute('aria-multiselectable', 'true');
  rows.forEach(function (cells) {
    cells.forEach(function (cell) {
      cell.tabIndex = -1;
      if (cell.querySelector('select')) {
        cell.setAttribute('aria-selected', 'false');
        show(cell);
      }
      // the evidence links open in a new tab (the choices made here stay); the keyboard reaches them by Enter
      cell.querySelectorAll('a').forEach(function (link) {
        link.tabIndex = -1;
      });
      cell.addEventListener('click', function (event) {
        if (event.target.closest('a')) {
          return;
        }
        place(cell);
        if (!cell.querySelector('select')) {
          return;
        }
        if ((event.ctrlKey || event.metaKey || event.shiftKey) && !event.target.closest('#cell-tools')) {
          toggle(cell);
        }
        if (tools.parentNode !== cell) {
          cell.appendChild(tools);
        }
        tools.hidden = false;
      });
    });
  });
  rows[0][0].tabIndex = 0;

  // Met, Not yet and Clear, named as the cells' own choices are
  function cellTools() {
    var options = table.querySelector('select').options;
    var group = document.createElement('div');
    group.id = 'cell-tools';
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', table.dataset.tools);
    group.hidden = true;
    [['MET', options[1].text, ''], ['NOT_YET', options[2].text, 'secondary'], ['', table.dataset.clear, 'outline']].forEach(function (choice) {
      var button = document.createElement('button');
      button.type = 'button';
      button.dataset.outcome = choice[0];
      button.textContent = choice[1];
      button.className = choice[2];
      button.addEventListener('click', function () {
        choose(choice[0]);
      });
      group.appendChild(button);
    });
    return group;
  }

  function toggle(cell) {
    if (cell.hasAttribute('aria-selected')) {
      cell.setAttribute('aria-selected', cell.getAttribute('aria-selected') === 'true' ? 'false' : 'true');
    }
  }

  function place(cell) {
    rows.forEach(function (cells, r) {
      var c = cells.indexOf(cell);
      if (c >= 0) {
        move(r, c);
      }
    });
  }

  function move(r, c) {
    rows[row][column].tabIndex = -1;
    row = Math.max(0, Math.min(rows.length - 1, r));
    column = Math.max(0, Math.min(rows[row].length - 1, c));
    var cell = rows[row][column];
    cell.tabIndex = 0;
    cell.focus();
  }

  // a cell's choice as text beside its state, from its select (hidden by the grid's style; its label stays for screen readers)
  function show(cell) {
    var select = cell.querySelector('select');
    var shown = cell.querySelector('.cell-choice');
    shown.textContent = select.value ? '→ ' + select.options[select.selectedIndex].text : '';
    shown.className = 'cell-choice' + (select.value ? ' status status-' + select.value : '');
  }

  function selected() {
    var cells = table.querySelectorAll('td[aria-selected="true"]');
    return cells.length ? Array.prototype.slice.call(cells) : [rows[row][column]];
  }

  function choose(value) {
    selected().forEach(function (cell) {
      var select = cell.querySelector('select');
      if (select) {
        select.value = value;
        show(cell);
      }
    });
    announce();
  }

  function announce() {
    var chosen = 0;
    form.querySelectorAll('select[name^="outcome:"]').forEach(function (select) {
      if (select.value) {
        chosen++;
      }
    });
    status.textContent = table.dataset.chosen.replace('{0}', chosen);
  }

  table.addEventListener('keydown', function (event) {
    if (event.target.tagName !== 'TD') {
      return;
    }
    var key = event.key;
    if (key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    var handled = true;
    if (key === 'ArrowUp') {
      move(row - 1, column);
    } else if (key === 'ArrowDown') {
      move(row + 1, column);
    } else if (key === 'ArrowLeft') {
      move(row, column - 1);
    } else if (key === 'ArrowRight') {
      move(row, column + 1);
    } else if (key === 'Home') {
      move(row, 0);
    } else if (key === 'End') {
      move(row, rows[row].length - 1);
    } else if (key === ' ') {
      toggle(rows[row][column]);
    } else if (key === 'Enter') {
      var evidence = rows[row][column].querySelector('a.cell-evidence');
      if (evidence) {
        evidence.click();
      }
    } else if (key === 'm' || key === 'M') {
      choose('MET');
    } else if (key === 'n' || key === 'N') {
      choose('NOT_YET');
    } else if (key === 'Delete' || key === 'Backspace') {
      choose('');
    } else if (key === 'c' || key === 'C') {
      comment.focus();
    } else {
      handled = false;
    }
    if (handled) {
      event.preventDefault();
    }
  });

  comment.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  announce();
}());
