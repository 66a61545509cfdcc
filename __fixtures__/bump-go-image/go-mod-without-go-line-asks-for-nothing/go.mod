module example.com/app

require example.com/greet v1.0.0
