module example.com/stalevendor

go 1.12

require example.com/greet v1.0.0

require example.com/words v1.0.0 // indirect
