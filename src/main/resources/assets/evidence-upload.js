// The evidence form, enhanced: files by picker or drag and drop, each checked against the limits before it is
// sent, one request with a progress bar per file, and a refused file explained beside it without losing the rest
// of the form. Without this script the form posts as it is and the server answers with the page.
(function () {
  'use strict';
  var form = document.getElementById('evidence-form');
  if (!form || !window.FormData || !window.XMLHttpRequest) {
    return;
  }
  // the page is never cached, so Back shows the form anew with a new key: reached by Back, it takes again the key
  // this form last sent, so that sending the same piece again is recognised as the same submission
  var navigation = window.performance && performance.getEntriesByType ? performance.getEntriesByType('navigation')[0] : null;
  var lastKey = sessionStorage.getItem('evidence-key:' + form.action);
  if (navigation && navigation.type === 'back_forward' && lastKey) {
    form.querySelector('input[name="submissionKey"]').value = lastKey;
  }

  var input = document.getElementById('files');
  var list = document.getElementById('file-list');
  var zone = document.getElementById('dropzone');
  var maxSize = Number(form.dataset.maxFileSize);
  var maxFiles = Number(form.dataset.maxFiles);
  var allowed = input.accept.split(',').map(function (ext) { return ext.trim().toLowerCase(); });
  var chosen = [];

  function extension(name) {
    var dot = name.lastIndexOf('.');
    return dot < 0 ? '' : name.substring(dot).toLowerCase();
  }

  function fill(template, values) {
    return template.replace(/\{(\d)\}/g, function (all, i) { return values[Number(i)]; });
  }

  function render() {
    list.textContent = '';
    chosen.forEach(function (entry, index) {
      var item = document.createElement('li');
      item.dataset.file = entry.file.name;
      var name = document.createElement('span');
      name.className = 'file-name';
      name.textContent = entry.file.name + ' (' + Math.ceil(entry.file.size / 1024) + ' KB)';
      item.appendChild(name);
      if (entry.refusal) {
        var reason = document.createElement('strong');
        reason.className = 'field-error file-error';
        reason.setAttribute('role', 'alert');
        reason.textContent = ' ' + entry.refusal;
        item.appendChild(reason);
      } else {
        entry.progress = document.createElement('progress');
        entry.progress.max = 100;
        entry.progress.value = 0;
        entry.progress.setAttribute('aria-label', entry.file.name);
        item.appendChild(entry.progress);
      }
      var remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'secondary outline';
      remove.textContent = form.dataset.remove;
      remove.setAttribute('aria-label', form.dataset.remove + ' ' + entry.file.name);
      remove.addEventListener('click', function () {
        chosen.splice(index, 1);
        render();
      });
      item.appendChild(remove);
      list.appendChild(item);
    });
  }

  function add(files) {
    Array.prototype.forEach.call(files, function (file) {
      var refusal = null;
      if (allowed.indexOf(extension(file.name)) < 0) {
        refusal = fill(form.dataset.forbidden, [file.name]);
      } else if (file.size > maxSize) {
        refusal = fill(form.dataset.tooLarge, [file.name, form.dataset.maxFileSizeText]);
      } else if (chosen.filter(function (e) { return !e.refusal; }).length >= maxFiles) {
        refusal = fill(form.dataset.tooMany, [file.name, maxFiles]);
      }
      chosen.push({file: file, refusal: refusal});
    });
    render();
  }

  input.addEventListener('change', function () {
    add(input.files);
    input.value = '';
  });
  ['dragenter', 'dragover'].forEach(function (type) {
    zone.addEventListener(type, function (event) {
      event.preventDefault();
      zone.classList.add('over');
    });
  });
  ['dragleave', 'drop'].forEach(function (type) {
    zone.addEventListener(type, function () { zone.classList.remove('over'); });
  });
  zone.addEventListener('drop', function (event) {
    event.preventDefault();
    add(event.dataTransfer.files);
  });

  // only the indicators the chosen method assesses can be claimed with it
  function showIndicators() {
    var method = form.querySelector('input[name="method"]:checked');
    form.querySelectorAll('fieldset.indicators').forEach(function (set) {
      var shown = method !== null && set.dataset.method === method.value;
      set.hidden = !shown;
      set.disabled = !shown;
    });
  }
  form.querySelectorAll('input[name="method"]').forEach(function (radio) {
    radio.addEventListener('change', showIndicators);
  });
  showIndicators();

  function showProblem(problem, sent) {
    var general = [];
    (problem.errors || []).forEach(function (error) {
      var match = /^file\[(\d+)]$/.exec(error.field || '');
      if (match && sent[Number(match[1])]) {
        sent[Number(match[1])].refusal = error.message;
      } else {
        general.push(error.message);
      }
    });
    if (general.length === 0 && !(problem.errors || []).length) {
      var named = sent.filter(function (entry) { return problem.detail && problem.detail.indexOf(entry.file.name) >= 0; });
      if (named.length) {
        named[0].refusal = problem.detail;
      } else {
        general.push(problem.detail || problem.title);
      }
    }
    render();
    var alert = document.getElementById('upload-alert') || document.createElement('p');
    alert.id = 'upload-alert';
    alert.className = 'alert';
    alert.setAttribute('role', 'alert');
    alert.textContent = general.join(' ');
    alert.hidden = general.length === 0;
    form.insertBefore(alert, form.firstChild);
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (!form.reportValidity()) {
      return;
    }
    var sent = chosen.filter(function (entry) { return !entry.refusal; });
    var data = new FormData();
    var key = form.querySelector('input[name="submissionKey"]');
    var keyName = 'evidence-key:' + form.action;
    // the token first: the server refuses a forged form before it stores anything
    data.append('_csrf', form.querySelector('input[name="_csrf"]').value);
    // the form's one-time key: sent twice (Back, then again), the piece is stored once
    data.append('submissionKey', key.value);
    sessionStorage.setItem(keyName, key.value);
    data.append('method', form.querySelector('input[name="method"]:checked').value);
    data.append('title', form.querySelector('#title').value);
    data.append('description', form.querySelector('#description').value);
    form.querySelectorAll('fieldset.indicators:not([disabled]) input[name="indicators"]:checked').forEach(function (box) {
      data.append('indicators', box.value);
    });
    sent.forEach(function (entry) { data.append('file', entry.file, entry.file.name); });
    var total = sent.reduce(function (sum, entry) { return sum + entry.file.size; }, 0);
    var request = new XMLHttpRequest();
    request.open('POST', form.action);
    request.setRequestHeader('X-Requested-With', 'fetch');
    request.setRequestHeader('Accept', 'application/json');
    // files are sent in order: a file's share of the bytes sent so far is its progress
    request.upload.addEventListener('progress', function (progress) {
      var before = progress.loaded - (progress.total - total);
      sent.forEach(function (entry) {
        if (entry.progress) {
          var done = Math.max(0, Math.min(entry.file.size, before));
          entry.progress.value = entry.file.size === 0 ? 100 : Math.round(done * 100 / entry.file.size);
          before -= entry.file.size;
        }
      });
    });
    var button = document.getElementById('submit-evidence');
    button.setAttribute('aria-busy', 'true');
    button.disabled = true;
    request.addEventListener('load', function () {
      button.removeAttribute('aria-busy');
      button.disabled = false;
      var body = null;
      try { body = JSON.parse(request.responseText); } catch (unreadable) { body = null; }
      if (request.status === 201 && body && body.location) {
        window.location.assign(body.location);
        return;
      }
      showProblem(body || {detail: form.dataset.failed}, sent);
    });
    request.addEventListener('error', function () {
      button.removeAttribute('aria-busy');
      button.disabled = false;
      showProblem({detail: form.dataset.failed}, sent);
    });
    request.send(data);
  });
})();
