// Optional progressive enhancement: submit a form when a select marked data-autosubmit changes.
document.querySelectorAll("select[data-autosubmit]").forEach(function (s) {
  s.addEventListener("change", function () { if (s.form) { s.form.submit(); } });
});

// Optional: load similar articles into the article's facts panel (the link works without JS).
document.querySelectorAll("[data-similar]").forEach(function (box) {
  fetch(box.getAttribute("data-similar"), { headers: { Accept: "application/json" } })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (data) {
      if (!data || !data.ok || !data.similar.length) { return; }
      var list = document.createElement("ul");
      data.similar.forEach(function (h) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = h.article_url;
        a.textContent = h.title || h.url;  // textContent: titles are untrusted
        li.appendChild(a);
        list.appendChild(li);
      });
      box.replaceChildren(list);
    })
    .catch(function () { /* keep the plain link */ });
});
