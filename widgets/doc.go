// Package widgets holds scoplan's custom Fyne widgets. They know nothing of
// the plan or the store: the app package gives them text, numbers and
// colours by theme name, so they follow the theme (light, dark, fonts) like
// Fyne's own widgets do.
package widgets
