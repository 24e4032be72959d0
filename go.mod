module scoplan

go 1.26.8
