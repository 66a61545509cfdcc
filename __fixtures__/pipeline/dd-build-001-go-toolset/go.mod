module example.com/payments

go 1.24.0
