// Follows the experiments of the dashboard's table over server-sent events (/ui/progress): episodes
// done, steps per second, running accuracy, status and the report link once written. The stream
// ends once none is live and every completed one has its report.
(function () {
  'use strict';
  var table = document.getElementById('experiments');
  var ids = table && table.getAttribute('data-ids');
  if (!ids || !window.EventSource) {
    return;
  }
  var source = new EventSource('/ui/progress?ids=' + encodeURIComponent(ids));

  function text(row, selector, value) {
    var element = row.querySelector(selector);
    if (element && element.textContent !== value) {
      element.textContent = value;
    }
  }

  source.addEventListener('progress', function (event) {
    var following = false;
    JSON.parse(event.data).forEach(function (p) {
      var row = table.querySelector('tr[data-id="' + CSS.escape(p.id) + '"]');
      if (!row) {
        return;
      }
      row.setAttribute('data-status', p.status);
      text(row, '.status', p.status);
      text(row, '.episodes', p.episodesCompleted + ' / ' + p.episodesPlanned);
      text(row, '.rate', p.stepsPerSecond === null ? '—' : Math.round(p.stepsPerSecond) + ' steps/s');
      text(row, '.accuracy', p.accuracyText);
      var bar = row.querySelector('progress');
      if (bar) {
        bar.max = p.episodesPlanned;
        bar.value = p.episodesCompleted;
      }
      var report = row.querySelector('a.report');
      if (p.reportUrl && report) {
        report.href = p.reportUrl;
        report.hidden = false;
      }
      var cancel = row.querySelector('form.cancel');
      if (!p.live && cancel) {
        cancel.remove();
      }
      // a completed experiment is followed until its report is written
      if (p.live || (p.status === 'COMPLETED' && !p.reportUrl)) {
        following = true;
      }
    });
    if (!following) {
      source.close();
    }
  });
})();
