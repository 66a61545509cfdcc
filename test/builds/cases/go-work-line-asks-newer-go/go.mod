module example.com/gowork

go 1.22

require example.com/greet v1.0.0

require example.com/words v1.0.0 // indirect
