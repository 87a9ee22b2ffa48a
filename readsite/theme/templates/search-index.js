/* The search index for a site opened from disk (file://), where Pagefind cannot load:
   per article [path, title, summary, outlet, author, date, topics]. Made by readsite. */
window.readsiteIndex = {{ entries | tojson }};
