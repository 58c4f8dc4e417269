// The console's only script: GOV.UK Frontend's components (the pages work without it).
import { initAll } from '/govuk/govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()
