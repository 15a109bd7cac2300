/**
 * The only script of the web UI, served as /static/app.js (the CSP forbids inline scripts). Pages work
 * without it; it adds the live progress of an import (Server-Sent Events) and shows the custom period's
 * dates only when they apply. It writes shop data with textContent only, never as HTML.
 */
export const CLIENT_SCRIPT = String.raw`'use strict';
(function () {
  function $(selector, root) { return (root || document).querySelector(selector); }

  function setupPeriod() {
    var kind = $('#period-kind');
    var dates = $('#custom-dates');
    if (!kind || !dates) return;
    var update = function () { dates.hidden = kind.value !== 'custom'; };
    kind.addEventListener('change', update);
    update();
  }

  function text(tag, value, className) {
    var element = document.createElement(tag);
    element.textContent = value;
    if (className) element.className = className;
    return element;
  }

  function setupLiveRun() {
    var root = $('#live-run');
    if (!root || typeof EventSource === 'undefined') return;
    var labels = root.dataset;
    // French puts a space before the colon, English does not.
    var colon = document.documentElement.lang === 'fr' ? ' : ' : ': ';
    var journal = $('#live-journal', root);
    var documents = $('#live-documents', root);
    var current = $('#live-current', root);
    var banner = $('#live-banner', root);
    var currentLine = $('#live-current-line', root);
    // The page arrives with the documents known so far: they count as seen, so none is listed twice.
    var seenDocuments = {};
    Array.prototype.forEach.call(documents.querySelectorAll('a[data-number]'), function (link) {
      seenDocuments[link.dataset.number] = true;
    });

    function showCounts(counts) {
      Object.keys(counts).forEach(function (name) {
        var cell = root.querySelector('[data-count="' + name + '"]');
        if (cell) cell.textContent = String(counts[name]);
      });
    }
    function addJournal(entry) {
      // entry.text: the line in the page's language, as the server renders it from the entry's note.
      var line = text('li', entry.text || entry.message, 'journal-' + entry.level);
      journal.appendChild(line);
      while (journal.children.length > 200) journal.removeChild(journal.firstChild);
      line.scrollIntoView({ block: 'nearest' });
    }
    function addDocument(doc) {
      if (seenDocuments[doc.number]) return;
      seenDocuments[doc.number] = true;
      var item = document.createElement('li');
      var link = text('a', doc.number);
      link.dataset.number = doc.number;
      link.href = '/documents/' + encodeURIComponent(doc.number);
      item.appendChild(link);
      item.appendChild(document.createTextNode(' — ' + doc.orderReference));
      documents.appendChild(item);
    }
    function showState(state) {
      showCounts(state.counts);
      current.textContent = state.currentOrder || '—';
      journal.textContent = '';
      state.journal.forEach(addJournal);
      state.documents.forEach(addDocument);
    }
    function finish(state) {
      showState(state);
      // The run is over: there is no current order any more.
      if (currentLine) currentLine.hidden = true;
      if (journal.children.length === 0) journal.appendChild(text('li', labels.journalEmptyLabel, 'journal-info'));
      banner.classList.remove('running');
      var summary = state.summary;
      if (state.error) {
        banner.textContent = labels.failedLabel + colon + state.error;
        banner.classList.add('failed');
      } else if (summary && summary.fatal) {
        banner.textContent = summary.fatal.code === 'run-in-progress'
          ? labels.inProgressLabel
          : labels.failedLabel + colon + (summary.fatal.text || summary.fatal.message);
        banner.classList.add('failed');
      } else {
        banner.textContent = labels.doneLabel;
        banner.classList.add('done');
      }
      if (summary && summary.runId) {
        var link = $('#live-run-link', root);
        if (link) { link.href = '/history/' + encodeURIComponent(summary.runId); link.hidden = false; }
      }
      banner.focus();
    }

    var source = new EventSource(labels.eventsUrl);
    source.addEventListener('snapshot', function (event) {
      var state = JSON.parse(event.data).state;
      if (state.summary || state.error) { finish(state); source.close(); } else showState(state);
    });
    source.addEventListener('progress', function (event) {
      var message = JSON.parse(event.data);
      showCounts(message.counts);
      current.textContent = message.currentOrder || '—';
    });
    source.addEventListener('journal', function (event) { addJournal(JSON.parse(event.data).entry); });
    source.addEventListener('document', function (event) { addDocument(JSON.parse(event.data).document); });
    source.addEventListener('done', function (event) { finish(JSON.parse(event.data).state); source.close(); });
  }

  // A long action (the catalogue's import): the button says it is at work, and a second click sends nothing.
  function setupBusyForms() {
    Array.prototype.forEach.call(document.querySelectorAll('form[data-busy-label]'), function (form) {
      form.addEventListener('submit', function () {
        var button = $('button[type="submit"]', form);
        if (!button) return;
        setTimeout(function () { button.disabled = true; button.textContent = form.dataset.busyLabel; }, 0);
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    setupPeriod();
    setupLiveRun();
    setupBusyForms();
  });
})();
`;
