/*
 * Chinese queries for Material's search worker, which this script loads and wraps.
 *
 * overrides/main.html starts this worker in place of Material's, naming Material's script in
 * ?material=. It lives beside that script so that Material's relative paths (../lunr/...) still
 * resolve. Material splits a run of Chinese characters into words of the index, but never tries
 * the run's last word (模型价格 searches 模型 only), and a run that starts with no known word is
 * searched whole and finds nothing (最便宜的视觉模型). Here every Chinese run is split into the
 * words of the index that cover most of it in the fewest pieces, down to single characters, and
 * lunr searches all of them; characters found nowhere in the index are left out.
 */
"use strict"

const HAN = /\p{sc=Han}/u
const QUERY = 2                        /* Material's SearchMessageType.QUERY */

let words = []                         /* Chinese terms of the index, sorted */
let pieces = []                        /* Words the current query's Chinese runs were split into */

/* The first term of the index that is not before `text`, in sort order */
function lookup(text) {
  let low = 0, high = words.length
  while (low < high) {
    const mid = (low + high) >> 1
    if (words[mid] < text) low = mid + 1
    else high = mid
  }
  return words[low] || ""
}

/* The known words covering most of a Chinese run, fewest first among equals */
function segment(run) {
  const best = [{ covered: 0, words: [] }]
  const better = (at, candidate) => {
    const current = best[at]
    if (!current || candidate.covered > current.covered ||
        candidate.covered === current.covered && candidate.words.length < current.words.length)
      best[at] = candidate
  }
  for (let start = 0; start < run.length; start++) {
    const { covered, words: found } = best[start]
    better(start + 1, { covered, words: found })          /* leave a character out */
    for (let end = start + 1; end <= run.length; end++) {
      const piece = run.slice(start, end), term = lookup(piece)
      if (!term.startsWith(piece))
        break                          /* no longer piece from here is in the index either */
      /* Search adds a trailing wildcard, but a single character must be a term of its own:
         as a prefix (最*) it would match every word that starts with it */
      if (piece.length > 1 || term === piece)
        better(end, { covered: covered + piece.length, words: [...found, piece] })
    }
  }
  return best[run.length].words
}

/* The query with each Chinese run replaced by its words, separated by spaces */
function rewrite(query) {
  pieces = []
  return query.replace(/\p{sc=Han}+/gu, run => {
    const found = segment(run)
    pieces.push(...found)
    return found.length ? ` ${found.join(" ")} ` : " "
  }).trim()
}

/* Let Material's message listener see the rewritten query */
const listen = self.addEventListener.bind(self)
self.addEventListener = (type, listener, options) => listen(type, type !== "message" ? listener : event => {
  const message = event.data
  if (message && message.type === QUERY && typeof message.data === "string")
    return listener({ data: { type: QUERY, data: rewrite(message.data) } })
  return listener(event)
}, options)

importScripts(new URL(location.href).searchParams.get("material"))

/* Remember the Chinese terms of the index once Material has built it */
const build = lunr.Builder.prototype.build
lunr.Builder.prototype.build = function () {
  const index = build.call(this)
  words = Object.keys(index.invertedIndex).filter(term => HAN.test(term)).sort()
  return index
}

/* Search our words in place of the Chinese terms of Material's own segmentation */
const search = lunr.Index.prototype.search
lunr.Index.prototype.search = function (query) {
  if (!pieces.length)
    return search.call(this, query)
  const others = query.split(/\s+/).filter(term => term && !HAN.test(term))
  const terms = pieces.map(word => word.length === 1 ? word : `${word}*`)
  return search.call(this, [...others, ...terms].join(" "))
}
