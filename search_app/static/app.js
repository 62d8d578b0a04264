// Optional progressive enhancement: submit a form when a select marked data-autosubmit changes.
document.querySelectorAll("select[data-autosubmit]").forEach(function (s) {
  s.addEventListener("change", function () { if (s.form) { s.form.submit(); } });
});
