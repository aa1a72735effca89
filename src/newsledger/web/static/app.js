// Article reader: click highlighted words -> show their records; click a record -> find its words.
// Board rows: click -> open the history. Nothing here is required to read a page.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const text = document.getElementById("text");
  const records = document.getElementById("records");
  if (text && records) {
    const clear = () => {
      document.querySelectorAll(".card.selected").forEach((c) => c.classList.remove("selected"));
      document.querySelectorAll(".hl.flash").forEach((h) => h.classList.remove("flash"));
    };
    const wordsOf = (key) => Array.from(text.querySelectorAll(".hl")).filter(
      (h) => h.dataset.r.split(" ").includes(key));
    const showRecords = (hl) => {
      clear();
      const keys = hl.dataset.r.split(" ");
      let first = null;
      keys.forEach((k) => {
        const card = document.getElementById("rec-" + k);
        if (card) { card.classList.add("selected"); first = first || card; }
      });
      hl.classList.add("flash");
      const hint = document.getElementById("hint");
      if (hint) hint.textContent = keys.length + (keys.length === 1 ? " record" : " records") + " at these words.";
      if (first) first.scrollIntoView({ block: "nearest", behavior: "smooth" });
    };
    text.addEventListener("click", (ev) => {
      const hl = ev.target.closest(".hl");
      if (hl) showRecords(hl);
    });
    text.addEventListener("keydown", (ev) => {
      const hl = ev.target.closest(".hl");
      if (hl && (ev.key === "Enter" || ev.key === " ")) { ev.preventDefault(); showRecords(hl); }
    });
    records.addEventListener("click", (ev) => {
      if (ev.target.closest("a:not(.jump)")) return;  // links to actors and boards work as links
      const card = ev.target.closest(".card");
      if (!card) return;
      ev.preventDefault();
      clear();
      card.classList.add("selected");
      const words = wordsOf(card.dataset.r);
      words.forEach((h) => h.classList.add("flash"));
      if (words.length) words[0].scrollIntoView({ block: "center", behavior: "smooth" });
    });
  }
  document.querySelectorAll(".board tbody.row").forEach((row) => {
    row.addEventListener("click", (ev) => {
      if (ev.target.closest("a, summary")) return;
      const d = row.querySelector("details");
      if (d) d.open = !d.open;
    });
  });
});
