module example.com/greet

go 1.18

require example.com/words v1.0.0
