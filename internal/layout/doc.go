// Package layout holds no code: its tests check rules about where code
// lives in scoplan's packages (the engines behind internal/, no exported
// mutable package variables in the packages others build on).
package layout
