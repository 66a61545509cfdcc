module example.com/vendorimage

go 1.23.0

require example.com/greet v1.0.0

require example.com/words v1.0.0 // indirect
