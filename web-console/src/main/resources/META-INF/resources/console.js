// The console's only script: GOV.UK Frontend's components, and the live notifications list (the pages work without it).
import { initAll } from '/govuk/govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()

// Notifications as they happen: each one is added at the top of the list, read out politely by screen readers.
const status = document.getElementById('live-status')
const list = document.getElementById('notifications')
if (status && list && 'EventSource' in window) {
  const element = (tag, className, text) => {
    const e = document.createElement(tag)
    if (className) e.className = className
    if (text) e.textContent = text
    return e
  }
  const source = new EventSource(status.dataset.liveUrl)
  status.classList.remove('govuk-!-display-none')
  source.addEventListener('notification', event => {
    const n = JSON.parse(event.data)
    if (document.getElementById('notification-' + n.seq)) return
    const item = element('li', 'app-notification app-notification--new')
    item.id = 'notification-' + n.seq
    const first = element('p', 'govuk-body govuk-!-margin-bottom-1')
    first.append(element('strong', 'govuk-tag', n.kind), ' ', element('span', 'govuk-body-s', n.when))
    item.append(first, element('p', 'govuk-body govuk-!-margin-bottom-1', n.headline))
    if (n.link) {
      const link = element('a', 'govuk-link', n.linkText)
      link.href = n.link
      link.append(element('span', 'govuk-visually-hidden', ': ' + n.headline))
      const p = element('p', 'govuk-body')
      p.append(link)
      item.append(p)
    }
    list.prepend(item)
    const none = document.getElementById('no-notifications')
    if (none) none.remove()
  })
}
