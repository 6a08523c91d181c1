log export --dta x
