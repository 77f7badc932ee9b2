// The NHS.UK frontend's components (header menu, error summary focus, and so on) on every page.
// Each page works without this script; it only enhances.
import { initAll } from './nhsuk-frontend.min.js'

initAll()
