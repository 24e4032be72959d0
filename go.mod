module scoplan

go 1.26.8

require (
	github.com/sahilm/fuzzy v0.1.3 // indirect
	go.etcd.io/bbolt v1.5.0 // indirect
	golang.org/x/sys v0.45.0 // indirect
)
